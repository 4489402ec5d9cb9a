/*
 * What a task can hold and how its list sorts: the values the server validates and stores, and the
 * words people read for them. Plain constants, imported by the server and by the pages alike.
 */

/** Where a task stands, in board order. */
export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const

/** One of {@link TASK_STATUSES}. */
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** The words people read for each status: "In progress". */
export const TASK_STATUS_NAMES: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
}

/** The status a new task starts in. */
export const NEW_TASK_STATUS: TaskStatus = 'todo'

/** The words for a status; a value that is not one reads as itself. */
export function statusName(status: string): string {
  return TASK_STATUS_NAMES[status as TaskStatus] ?? status
}

/** The words for a priority, by its value: 0 (none) to 3 (high). */
export const TASK_PRIORITY_NAMES = ['None', 'Low', 'Medium', 'High'] as const

/** The highest priority a task can have (the lowest is 0, none). */
export const MAX_TASK_PRIORITY = TASK_PRIORITY_NAMES.length - 1

/** The words for a priority; a value that is not one reads as its number. */
export function priorityName(priority: number): string {
  return TASK_PRIORITY_NAMES[priority] ?? String(priority)
}

/** The orders the tasks list can be sorted in. */
export const TASK_SORTS = ['updated', 'due', 'priority'] as const

/** One of {@link TASK_SORTS}. */
export type TaskSort = (typeof TASK_SORTS)[number]

/** The order of the tasks list when the query string names none (and left out of its URL). */
export const DEFAULT_TASK_SORT: TaskSort = 'updated'

/** The words people read for each sort order. */
export const TASK_SORT_NAMES: Record<TaskSort, string> = {
  updated: 'Recently updated',
  due: 'Due date',
  priority: 'Priority',
}

/** How many tasks of a project are in each status. */
export type TaskCounts = Record<TaskStatus, number>

/** The counts of a project without tasks: 0 in every status. */
export function noTaskCounts(): TaskCounts {
  return { todo: 0, in_progress: 0, done: 0 }
}
