import { cn } from '~/lib/cn'
import { describeDueDate, formatDay, todayIn } from '~/lib/dates'
import { useTimeZone } from '~/hooks/use_time_zone'

/**
 * A task's due date next to today in the user's time zone: "Due tomorrow", "Overdue by 2 days".
 * Overdue dates stand out; `done` tasks are never overdue.
 */
export function DueDate({
  dueOn,
  done = false,
  className,
}: {
  dueOn: string | null
  done?: boolean
  className?: string
}) {
  const zone = useTimeZone()
  if (!dueOn) return <span className={cn('text-muted-foreground', className)}>—</span>
  const { text, urgency } = describeDueDate(dueOn, todayIn(zone))
  return (
    <time
      dateTime={dueOn}
      data-test="due-date"
      className={cn(
        'whitespace-nowrap',
        !done && urgency === 'overdue' && 'font-medium text-danger',
        className
      )}
    >
      {done && urgency === 'overdue' ? `Was due ${formatDay(dueOn)}` : text}
    </time>
  )
}
