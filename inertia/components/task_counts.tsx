import type { Data } from '@generated/data'

/** "3 to do · 1 in progress · 5 done" for a project. */
export function TaskCounts({ counts }: { counts: Data.Project['taskCounts'] }) {
  return (
    <p className="text-sm text-muted-foreground">
      {counts.todo} to do · {counts.in_progress} in progress · {counts.done} done
    </p>
  )
}
