import Task from '#models/task'
import type { TaskStatus } from '#shared/tasks'
import db from '@adonisjs/lucid/services/db'
import { dueOnOf } from '#services/projects/task_dates'
import { recordActivity } from '#activity/recorder'

/** The editable fields of a task, as forms send and receive them. */
export type TaskFields = {
  title: string
  description: string
  status: string
  priority: number
  assigneeId: number | null
  dueOn: string | null
  labelIds: number[]
}

/** The outcome of saving a task: saved, or refused because someone saved it first. */
export type TaskUpdateResult =
  { saved: true; task: Task } | { saved: false; current: TaskFields & { version: number } }

/** A task's editable fields, with its label ids sorted. */
export function taskFields(task: Task): TaskFields {
  return {
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    assigneeId: task.assigneeId,
    dueOn: task.dueOn?.toISODate() ?? null,
    labelIds: (task.$preloaded.labels ? task.labels : [])
      .map((label) => label.id)
      .sort((a, b) => a - b),
  }
}

/**
 * Saves a task only if nobody saved it since `version` was loaded: the row is locked, the version
 * compared, and the change and its activity entry committed together. A stale save changes
 * nothing and returns the current values, for the form to show both sides.
 */
export async function updateTask(
  taskId: number,
  version: number,
  values: NewTask
): Promise<TaskUpdateResult> {
  return db.transaction(async (trx) => {
    const task = await Task.query({ client: trx })
      .where('id', taskId)
      .forUpdate()
      .preload('labels')
      .firstOrFail()
    if (task.version !== version) {
      return { saved: false, current: { ...taskFields(task), version: task.version } }
    }

    task.merge({
      title: values.title,
      description: values.description ?? '',
      status: values.status as Task['status'],
      priority: values.priority,
      assigneeId: values.assigneeId ?? null,
      dueOn: dueOnOf(values.dueOn),
    })
    const before = taskFields(task).labelIds
    const labelIds = [...new Set(values.labelIds ?? [])].sort((a, b) => a - b)
    const labelsChanged = labelIds.join(',') !== before.join(',')
    if (labelsChanged) {
      await task.related('labels').sync(labelIds, true, trx)
      await recordActivity(trx, {
        subjectType: 'task',
        subjectId: task.id,
        projectId: task.projectId,
        action: 'updated',
        changes: { labels: [before, labelIds] },
      })
      if (!task.$isDirty) task.version += 1
    }
    await task.save()
    return { saved: true, task }
  })
}

/** A new task's values, as the form and the API validate them. */
export type NewTask = Pick<TaskFields, 'title' | 'status' | 'priority'> & {
  description?: string
  assigneeId?: number | null
  dueOn?: Date | null
  labelIds?: number[]
}

/** Creates a task with its labels; the task, its labels and its activity entry commit together. */
export async function createTask(projectId: number, values: NewTask): Promise<Task> {
  return db.transaction(async (trx) => {
    const created = await Task.create(
      {
        projectId,
        title: values.title,
        description: values.description ?? '',
        status: values.status as Task['status'],
        priority: values.priority,
        assigneeId: values.assigneeId ?? null,
        dueOn: dueOnOf(values.dueOn),
        version: 1,
      },
      { client: trx }
    )
    if (values.labelIds?.length) await created.related('labels').attach(values.labelIds, trx)
    return created
  })
}

/** The outcome of moving a task on the board: moved, or refused because it had moved already. */
export type TaskMoveResult = { moved: true; task: Task } | { moved: false; task: Task }

/**
 * Moves a task from one status to another, only if it still has the status the board showed
 * (`from`): someone else's move is never overwritten. The change and its activity entry commit
 * together, and the version grows as with any save.
 */
export async function moveTask(
  taskId: number,
  from: TaskStatus,
  to: TaskStatus
): Promise<TaskMoveResult> {
  return db.transaction(async (trx) => {
    const task = await Task.query({ client: trx }).where('id', taskId).forUpdate().firstOrFail()
    if (task.status !== from) return { moved: false, task }
    task.status = to
    await task.save()
    return { moved: true, task }
  })
}
