import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { validateQuery } from '#api/query'
import { paginate } from '#api/pagination'
import { expansionsOf } from '#validators/rules/expand'
import { findApiTask, toApiTasks } from '#api/resources/tasks'
import { assertCurrent, etagOf, notModified, requireIfMatch, versionOf } from '#api/conditional'
import { findProjectTask } from '#services/projects/project_access'
import { loadTaskChoices } from '#services/projects/task_references'
import { filterTasks, TASK_ORDER_KEYS } from '#services/projects/task_list'
import { createTask, taskFields, updateTask } from '#services/projects/task_update'
import { DEFAULT_TASK_SORT } from '#shared/tasks'
import {
  changeTaskValidator,
  createTaskValidator,
  filterApiTasksValidator,
  readTaskValidator,
} from '#validators/task'

/**
 * The tasks of a project through the API: the page's filters, policy, validators and
 * version-checked save, answered as JSON. Tasks are not deleted from the pages, so not here.
 */
export default class TasksController {
  /** One page of tasks, by page number or cursor, filtered and sorted as the tasks page does. */
  async index(ctx: HttpContext) {
    const { bouncer, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const { page, perPage, cursor, expand, ...filters } = await validateQuery(
      ctx,
      filterApiTasksValidator
    )
    const sort = filters.sort ?? DEFAULT_TASK_SORT
    const query = filterTasks(db.from('tasks').select('tasks.*'), access.project.id, filters)
    const list = await paginate(ctx, query, { page, perPage, cursor }, TASK_ORDER_KEYS[sort], sort)
    return {
      data: await toApiTasks(list.rows, expansionsOf(expand)),
      meta: list.meta,
      links: list.links,
    }
  }

  /** One task, with its ETag (304 when the client's copy is current). */
  async show(ctx: HttpContext) {
    const { bouncer, params, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const { expand } = await validateQuery(ctx, readTaskValidator)
    const exists = await findProjectTask(access, params.id)
    const task = (await findApiTask(exists.id, expansionsOf(expand)))!
    if (notModified(ctx, etagOf(task))) return
    return response.ok({ data: task })
  }

  /** Creates a task (editors and owners): 201 with its location and ETag. */
  async store({ bouncer, request, response, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const values = await request.validateUsing(createTaskValidator, {
      meta: await loadTaskChoices(access.project.id, request.only(['assigneeId', 'labelIds'])),
    })
    const created = await createTask(access.project.id, values)
    const task = (await findApiTask(created.id))!
    response.header('Location', `/api/v1/projects/${access.project.id}/tasks/${task.id}`)
    response.header('ETag', etagOf(task))
    return response.created({ data: task })
  }

  /**
   * Changes the fields the body names, only if the task is still at the version If-Match names
   * (428 without it, 412 with the current task when it moved on).
   */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const exists = await findProjectTask(access, params.id, { withLabels: true })
    const tags = requireIfMatch(ctx)
    if (!tags.includes('*') && versionOf(tags) !== exists.version) {
      assertCurrent(tags, (await findApiTask(exists.id))!)
    }
    const changes = await request.validateUsing(changeTaskValidator, {
      meta: await loadTaskChoices(access.project.id, request.only(['assigneeId', 'labelIds'])),
    })

    const current = taskFields(exists)
    const result = await updateTask(exists.id, exists.version, {
      title: changes.title ?? current.title,
      description: changes.description ?? current.description,
      status: changes.status ?? current.status,
      priority: changes.priority ?? current.priority,
      assigneeId: changes.assigneeId === undefined ? current.assigneeId : changes.assigneeId,
      dueOn:
        changes.dueOn === undefined
          ? current.dueOn
            ? new Date(`${current.dueOn}T00:00:00`)
            : null
          : changes.dueOn,
      labelIds: changes.labelIds ?? current.labelIds,
    })
    const task = (await findApiTask(exists.id))!
    if (!result.saved) assertCurrent([], task)
    response.header('ETag', etagOf(task))
    return response.ok({ data: task })
  }
}
