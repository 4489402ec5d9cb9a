import type { Data } from '@generated/data'
import { TASK_STATUSES, TASK_STATUS_NAMES } from '#shared/tasks'

/** "3 to do · 1 in progress · 5 done" for a project. */
export function TaskCounts({ counts }: { counts: Data.Project['taskCounts'] }) {
  return (
    <p className="text-sm text-muted-foreground">
      {TASK_STATUSES.map(
        (status) => `${counts[status]} ${TASK_STATUS_NAMES[status].toLowerCase()}`
      ).join(' · ')}
    </p>
  )
}
