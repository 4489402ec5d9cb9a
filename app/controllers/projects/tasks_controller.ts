import db from '@adonisjs/lucid/services/db'
import Comment from '#models/comment'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import TaskTransformer from '#transformers/task_transformer'
import { findProjectTask } from '#services/projects/project_access'
import { historyOf } from '#activity/activity_history'
import { type TaskFields, createTask, taskFields, updateTask } from '#services/projects/task_update'
import { listTasks } from '#services/projects/task_list'
import { loadTaskChoices } from '#services/projects/task_references'
import { projectOptions } from '#services/projects/project_options'
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

    const [page, options] = await Promise.all([
      listTasks(access.project.id, filters),
      projectOptions(access.project.id),
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
      members: options.members,
      labels: options.labels,
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
    const readAt = Date.now()
    const task = await findProjectTask(access, params.id, {
      withLabels: true,
      withAssigneeName: true,
    })

    const allComments = request.qs().comments === 'all'
    const [options, history, latest] = await Promise.all([
      projectOptions(access.project.id),
      historyOf('task', task.id),
      Comment.query()
        .join('users', 'users.id', 'comments.author_id')
        .where('comments.task_id', task.id)
        .select('comments.*', 'users.full_name as author_name')
        .select(db.raw('count(*) over () as comments_total'))
        .orderBy('comments.created_at', 'desc')
        .orderBy('comments.id', 'desc')
        .if(!allComments, (query) => query.limit(LATEST_COMMENTS)),
    ])
    const commentsTotal = Number(latest[0]?.$extras.comments_total ?? 0)
    const comments = latest.reverse()
    const policy = bouncer.with(ProjectPolicy)
    const commentRows = []
    for (const comment of comments) {
      commentRows.push({
        id: comment.id,
        body: comment.body,
        author: comment.$extras.author_name as string,
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
        assignee:
          task.assigneeId === null
            ? null
            : { id: task.assigneeId, fullName: task.$extras.assignee_name as string },
      },
      conflict: conflict ?? null,
      members: options.members,
      labels: options.labels,
      history,
      comments: commentRows,
      commentsTotal,
      canEdit: await bouncer.with(ProjectPolicy).allows('editContent', access),
      // When the task was read: the live stream catches up on changes made since.
      readAt,
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
