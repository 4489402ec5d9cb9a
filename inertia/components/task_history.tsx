import { Moment } from '~/components/moment'
import {
  type TaskChoices,
  describeTaskValue,
  fieldOfColumn,
  TASK_FIELD_NAMES,
} from '~/lib/task_values'

/** A value the activity record keeps for one field. */
type RecordedValue = string | number | boolean | null | number[]

type HistoryEntry = {
  id: number
  action: 'created' | 'updated' | 'deleted'
  actor: string | null
  at: string
  changes: Record<string, [RecordedValue, RecordedValue]>
}

/** Longest a recorded text is shown in a change; the task itself shows it in full. */
const EXCERPT = 80

function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text
}

/**
 * A task's history, newest first: who changed which field, from what to what, in the words the
 * page uses (statuses, priorities, members' and labels' names, dates).
 */
export function TaskHistory({ entries, ...choices }: { entries: HistoryEntry[] } & TaskChoices) {
  function change(column: string, [before, after]: [RecordedValue, RecordedValue]) {
    const field = fieldOfColumn(column)
    if (!field) return `${column}: ${before ?? '—'} → ${after ?? '—'}`
    const show = (value: RecordedValue) => excerpt(describeTaskValue(field, value, choices))
    return `${TASK_FIELD_NAMES[field]}: ${show(before)} → ${show(after)}`
  }

  return (
    <ol className="space-y-3" data-test="task-history">
      {entries.map((entry) => (
        <li key={entry.id} className="text-sm">
          <p>
            <span className="font-medium">{entry.actor ?? 'System'}</span> {entry.action} this task
            ·{' '}
            <time dateTime={entry.at} className="text-muted-foreground">
              <Moment iso={entry.at} />
            </time>
          </p>
          {entry.action === 'updated' && (
            <ul className="mt-1 break-words text-muted-foreground">
              {Object.entries(entry.changes).map(([column, values]) => (
                <li key={column}>{change(column, values)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  )
}
