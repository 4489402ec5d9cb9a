import type Task from '#models/task'
import { TASK_STATUS_NAMES, type TaskStatus } from '#shared/tasks'
import type { BulkAction } from '#admin/bulk_actions'

/** "Mark selected tasks as Done": a bulk action that sets the status of each selected task. */
export function markTasks(status: TaskStatus): BulkAction {
  return {
    name: `mark_${status}`,
    label: `Mark selected tasks as ${TASK_STATUS_NAMES[status]}`,
    permission: 'change',
    async run(rows, { trx }) {
      let changed = 0
      for (const row of rows as Task[]) {
        if (row.status === status) continue
        row.status = status
        await row.useTransaction(trx).save()
        changed++
      }
      return `${changed} ${changed === 1 ? 'task' : 'tasks'} marked ${TASK_STATUS_NAMES[status]}`
    },
  }
}
