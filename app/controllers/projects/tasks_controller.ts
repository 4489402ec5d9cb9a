import Label from '#models/label'
import Comment from '#models/comment'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import TaskTransformer from '#transformers/task_transformer'
import LabelTransformer from '#transformers/label_transformer'
import { findProjectTask } from '#services/projects/project_access'
import { historyOf } from '#activity/activity_history'
import { type TaskFields, createTask, taskFields, updateTask } from '#services/projects/task_update'
import { listTasks } from '#services/projects/task_list'
import { loadTaskChoices } from '#services/projects/task_references'
import { isoDate } from '#services/projects/task_dates'
import { DEFAULT_TASK_SORT } from '#shared/tasks'
import { createTaskValidator, filterTasksValidator, updateTaskValidator } from '#validators/task'
import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'

/** Comments a task page shows unless asked for all. */
const LATEST_COMMENTS = 20

/** The tasks of a project: the filtered list, and creating tasks (editors and owners). */
export default class TasksController {
  /**
   * One page of tasks, filtered and sorted by the query string. Filters or sorts that do not
   * exist are refused with a message (422) and nothing is queried.
   */
  async index({ bouncer, inertia, request, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const filters = await filterTasksValidator.validate(request.qs())

    const [page, members, labels] = await Promise.all([
      listTasks(access.project.id, filters),
      access.project.related('members').query().orderBy('users.full_name'),
      Label.query().where('project_id', access.project.id).orderBy('name'),
    ])

    return inertia.render('projects/tasks', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      tasks: TaskTransformer.transform(page.tasks),
      pagination: {
        page: page.page,
        lastPage: page.lastPage,
        total: page.total,
        perPage: page.perPage,
      },
      filters: {
        status: filters.status ?? null,
        assignee: filters.assignee ?? null,
        label: filters.label ?? null,
        dueBefore: filters.dueBefore ? isoDate(filters.dueBefore) : null,
        dueAfter: filters.dueAfter ? isoDate(filters.dueAfter) : null,
        q: filters.q ?? null,
        sort: filters.sort ?? DEFAULT_TASK_SORT,
      },
      members: members.map((member) => ({ id: member.id, fullName: member.fullName })),
      labels: LabelTransformer.transform(labels),
      canEdit: await bouncer.with(ProjectPolicy).allows('editContent', access),
    })
  }

  /**
   * A task's page: its fields and assignee (named even after they left the project), its latest
   * comments (all with `?comments=all`), and its history. After a refused stale save it also
   * carries the values someone else saved (`conflict`), for the form to show both sides.
   */
  async show({ bouncer, inertia, params, request, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const task = await findProjectTask(access, params.id, { withLabels: true, withAssignee: true })

    const allComments = request.qs().comments === 'all'
    const [members, labels, history, latest, commentsTotal] = await Promise.all([
      access.project.related('members').query().orderBy('users.full_name'),
      Label.query().where('project_id', access.project.id).orderBy('name'),
      historyOf('task', task.id),
      Comment.query()
        .where('task_id', task.id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .if(!allComments, (query) => query.limit(LATEST_COMMENTS))
        .preload('author'),
      Comment.query().where('task_id', task.id).count('* as total').first(),
    ])
    const comments = latest.reverse()
    const policy = bouncer.with(ProjectPolicy)
    const commentRows = []
    for (const comment of comments) {
      commentRows.push({
        id: comment.id,
        body: comment.body,
        author: comment.author.fullName,
        createdAt: comment.createdAt.toISO()!,
        edited: comment.updatedAt.toMillis() - comment.createdAt.toMillis() > 1000,
        canEdit: await policy.allows('editComment', access, comment),
        canDelete: await policy.allows('deleteComment', access, comment),
      })
    }
    const conflict = session.flashMessages.get('conflict') as
      (TaskFields & { version: number }) | undefined

    return inertia.render('projects/task', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      task: {
        id: task.id,
        version: task.version,
        ...taskFields(task),
        assignee: task.assignee ? { id: task.assignee.id, fullName: task.assignee.fullName } : null,
      },
      conflict: conflict ?? null,
      members: members.map((member) => ({ id: member.id, fullName: member.fullName })),
      labels: LabelTransformer.transform(labels),
      history,
      comments: commentRows,
      commentsTotal: Number(commentsTotal?.$extras.total ?? 0),
      canEdit: await bouncer.with(ProjectPolicy).allows('editContent', access),
    })
  }

  /**
   * Saves a task if nobody saved it since the form loaded it; otherwise nothing changes and the
   * form comes back with both versions.
   */
  async update({
    bouncer,
    params,
    request,
    response,
    session,
    projectAccess: access,
  }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const exists = await findProjectTask(access, params.id)
    const { version, ...values } = await request.validateUsing(updateTaskValidator, {
      meta: await loadTaskChoices(access.project.id, request.only(['assigneeId', 'labelIds'])),
    })

    const result = await updateTask(exists.id, version, values)
    if (!result.saved) {
      session.flash('conflict', result.current)
      session.flash(
        'error',
        'Someone saved this task while you were editing it. Compare and choose.'
      )
    } else {
      session.flash('success', 'Task saved.')
    }
    return response.redirect().toRoute('projects.tasks.show', {
      projectId: access.project.id,
      id: exists.id,
    })
  }

  /** Creates a task; the assignee must be a member and the labels the project's own. */
  async store({ bouncer, request, response, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const values = await request.validateUsing(createTaskValidator, {
      meta: await loadTaskChoices(access.project.id, request.only(['assigneeId', 'labelIds'])),
    })

    const task = await createTask(access.project.id, values)

    session.flash('success', `Task "${task.title}" created.`)
    return response.redirect().toRoute('projects.tasks.index', { projectId: access.project.id })
  }
}
