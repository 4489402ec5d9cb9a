import { Moment } from '~/components/moment'

/** A value the activity record keeps for one field. */
type RecordedValue = string | number | boolean | null | number[]

type HistoryEntry = {
  id: number
  action: 'created' | 'updated' | 'deleted'
  actor: string | null
  at: string
  changes: Record<string, [RecordedValue, RecordedValue]>
}

function show(value: RecordedValue): string {
  if (value === null || value === undefined || value === '') return '—'
  return Array.isArray(value) ? value.join(', ') || '—' : String(value)
}

/** A record's history: who changed what, from what to what, newest first. */
export function TaskHistory({ entries }: { entries: HistoryEntry[] }) {
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
            <ul className="mt-1 text-muted-foreground">
              {Object.entries(entry.changes).map(([field, [before, after]]) => (
                <li key={field}>
                  {field}: {show(before)} → {show(after)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  )
}
