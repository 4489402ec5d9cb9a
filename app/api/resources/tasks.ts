import { Type } from 'typebox'
import db from '@adonisjs/lucid/services/db'
import { TASK_STATUSES } from '#shared/tasks'
import { describeOperations } from '#api/operations'
import { type OutputOf, outputSchema } from '#api/schema'
import { dateOfColumn, momentOfColumn } from '#services/projects/task_dates'
import {
  changeTaskValidator,
  createTaskValidator,
  filterApiTasksValidator,
  readTaskValidator,
} from '#validators/task'

/** A task as the API answers it; `assignee` and `labels` only when asked for (`expand=`). */
export const taskOutput = outputSchema(
  Type.Object(
    {
      id: Type.Integer(),
      projectId: Type.Integer(),
      title: Type.String(),
      description: Type.String(),
      status: Type.Enum(TASK_STATUSES),
      priority: Type.Integer(),
      dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
      assigneeId: Type.Union([Type.Integer(), Type.Null()]),
      labelIds: Type.Array(Type.Integer()),
      version: Type.Integer(),
      createdAt: Type.String({ format: 'date-time' }),
      updatedAt: Type.String({ format: 'date-time' }),
      assignee: Type.Optional(
        Type.Union([Type.Object({ id: Type.Integer(), fullName: Type.String() }), Type.Null()])
      ),
      labels: Type.Optional(
        Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), color: Type.String() }))
      ),
    },
    { additionalProperties: false }
  )
)

/** A task of the API. */
export type ApiTask = OutputOf<typeof taskOutput>

/**
 * Tasks rows (`tasks.*`) as the API answers them, in their order: one query for all their labels
 * and, when `assignee` is expanded, one for all their assignees, whatever the number of rows.
 */
export async function toApiTasks(
  rows: Record<string, any>[],
  expand: Set<string>
): Promise<ApiTask[]> {
  const ids = rows.map((row) => Number(row.id))
  const assigneeIds = [...new Set(rows.map((row) => row.assignee_id).filter((id) => id !== null))]
  const [labelRows, assignees] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .from('task_labels')
          .join('labels', 'labels.id', 'task_labels.label_id')
          .whereIn('task_labels.task_id', ids)
          .orderBy('labels.name')
          .orderBy('labels.id')
          .select('task_labels.task_id', 'labels.id', 'labels.name', 'labels.color'),
    expand.has('assignee') && assigneeIds.length > 0
      ? db.from('users').whereIn('id', assigneeIds).select('id', 'full_name')
      : [],
  ])

  const labelsOf = new Map<number, { id: number; name: string; color: string }[]>()
  for (const label of labelRows) {
    const list = labelsOf.get(Number(label.task_id)) ?? []
    list.push({ id: Number(label.id), name: label.name, color: label.color })
    labelsOf.set(Number(label.task_id), list)
  }
  const nameOf = new Map(assignees.map((user) => [Number(user.id), String(user.full_name)]))

  return rows.map((row) => {
    const labels = labelsOf.get(Number(row.id)) ?? []
    const assigneeId = row.assignee_id === null ? null : Number(row.assignee_id)
    return {
      id: Number(row.id),
      projectId: Number(row.project_id),
      title: row.title,
      description: row.description,
      status: row.status,
      priority: Number(row.priority),
      dueOn: dateOfColumn(row.due_on),
      assigneeId,
      labelIds: labels.map((label) => label.id).sort((a, b) => a - b),
      version: Number(row.version),
      createdAt: momentOfColumn(row.created_at),
      updatedAt: momentOfColumn(row.updated_at),
      ...(expand.has('assignee')
        ? {
            assignee:
              assigneeId === null ? null : { id: assigneeId, fullName: nameOf.get(assigneeId)! },
          }
        : {}),
      ...(expand.has('labels') ? { labels } : {}),
    }
  })
}

/** One task of the API by id (with `expand`), or null. */
export async function findApiTask(taskId: number, expand: Set<string> = new Set()) {
  const rows = await db.from('tasks').where('id', taskId).select('tasks.*')
  const [task] = await toApiTasks(rows, expand)
  return task ?? null
}

describeOperations(
  {
    route: 'api.tasks.index',
    summary: "List a project's tasks",
    tag: 'Tasks',
    ability: 'task.view',
    query: filterApiTasksValidator,
    success: { status: 200, data: taskOutput, list: 'page_and_cursor' },
    problems: [404],
  },
  {
    route: 'api.tasks.show',
    summary: 'Read a task',
    tag: 'Tasks',
    ability: 'task.view',
    query: readTaskValidator,
    success: { status: 200, data: taskOutput },
    problems: [404],
    conditional: 'etag',
  },
  {
    route: 'api.tasks.store',
    summary: 'Create a task',
    tag: 'Tasks',
    ability: 'task.add',
    body: createTaskValidator,
    success: { status: 201, data: taskOutput },
    problems: [404, 409, 413, 415, 422],
    idempotent: true,
  },
  {
    route: 'api.tasks.update',
    summary: 'Change a task',
    tag: 'Tasks',
    ability: 'task.change',
    body: changeTaskValidator,
    success: { status: 200, data: taskOutput },
    problems: [404, 412, 413, 415, 422, 428],
    conditional: 'if-match',
  }
)
