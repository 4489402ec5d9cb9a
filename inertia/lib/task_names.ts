/** A task's status as the server names it. */
export type TaskStatus = 'todo' | 'in_progress' | 'done'

/** The statuses in board order, with the words people read. */
export const TASK_STATUSES: [TaskStatus, string][] = [
  ['todo', 'To do'],
  ['in_progress', 'In progress'],
  ['done', 'Done'],
]

/** The words for a status. */
export function statusName(status: string): string {
  return TASK_STATUSES.find(([value]) => value === status)?.[1] ?? status
}

/** The words for a priority, 0 (none) to 3 (high). */
export const PRIORITY_NAMES = ['None', 'Low', 'Medium', 'High'] as const
