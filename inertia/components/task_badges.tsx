import { Badge, type BadgeTone } from '~/components/ui/badge'
import { type TaskStatus, priorityName, statusName } from '#shared/tasks'

const STATUS_TONES: Record<TaskStatus, BadgeTone> = {
  todo: 'neutral',
  in_progress: 'primary',
  done: 'success',
}

const PRIORITY_TONES: BadgeTone[] = ['neutral', 'neutral', 'primary', 'danger']

/** A task's status as a coloured badge with its readable name: "In progress". */
export function TaskStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={STATUS_TONES[status as TaskStatus] ?? 'neutral'} className="gap-1.5">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {statusName(status)}
    </Badge>
  )
}

/** A task's priority as a badge with its readable name; high priorities stand out. */
export function TaskPriorityBadge({ priority }: { priority: number }) {
  return <Badge tone={PRIORITY_TONES[priority] ?? 'neutral'}>{priorityName(priority)}</Badge>
}
