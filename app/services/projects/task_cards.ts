import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { dateOfColumn, momentOfColumn } from '#services/projects/task_dates'

/**
 * A task as lists, the board and the dashboard read it: its own columns, its assignee's id and
 * name (joined) and its labels. These pages read many tasks per request, so they skip model
 * hydration: plain rows, one query for the tasks and one for all their labels.
 */
export type TaskCardRow = {
  id: number
  projectId: number
  title: string
  status: string
  priority: number
  version: number
  dueOn: string | null
  updatedAt: string
  assignee: { id: number; fullName: string } | null
  labels: { id: number; name: string; color: string }[]
}

/** The columns a card needs, from tasks joined with their assignee. */
export function taskCardsQuery(): DatabaseQueryBuilderContract {
  return db
    .from('tasks')
    .leftJoin('users', 'users.id', 'tasks.assignee_id')
    .select(
      'tasks.id',
      'tasks.project_id',
      'tasks.title',
      'tasks.status',
      'tasks.priority',
      'tasks.version',
      'tasks.due_on',
      'tasks.updated_at',
      'tasks.assignee_id',
      'users.full_name as assignee_name'
    )
}

/** Turns rows of {@link taskCardsQuery} into cards, loading all their labels in one query. */
export async function toTaskCards(rows: Record<string, any>[]): Promise<TaskCardRow[]> {
  const ids = rows.map((row) => Number(row.id))
  const labelRows =
    ids.length === 0
      ? []
      : await db
          .from('task_labels')
          .join('labels', 'labels.id', 'task_labels.label_id')
          .whereIn('task_labels.task_id', ids)
          .orderBy('labels.name')
          .select('task_labels.task_id', 'labels.id', 'labels.name', 'labels.color')
  const labelsOf = new Map<number, TaskCardRow['labels']>()
  for (const label of labelRows) {
    const list = labelsOf.get(Number(label.task_id)) ?? []
    list.push({ id: Number(label.id), name: label.name, color: label.color })
    labelsOf.set(Number(label.task_id), list)
  }

  return rows.map((row) => ({
    id: Number(row.id),
    projectId: Number(row.project_id),
    title: row.title,
    status: row.status,
    priority: Number(row.priority),
    version: Number(row.version),
    dueOn: dateOfColumn(row.due_on),
    updatedAt: momentOfColumn(row.updated_at),
    assignee:
      row.assignee_id === null
        ? null
        : { id: Number(row.assignee_id), fullName: row.assignee_name },
    labels: labelsOf.get(Number(row.id)) ?? [],
  }))
}
