/** A change someone else saved while the viewer was editing the task. */
export type ChangeByOthers = { author: string | null; fields: string[]; version: number | null }

/** How the page names a task's fields in a sentence. */
const FIELD_NAMES: Record<string, string> = {
  title: 'the title',
  description: 'the description',
  status: 'the status',
  priority: 'the priority',
  assignee_id: 'the assignee',
  due_on: 'the due date',
  labels: 'the labels',
}

function listOf(words: string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/**
 * Tells the viewer who changed what while they were editing, and that their edits are kept: saving
 * will show both versions side by side (the conflict screen) before anything is overwritten.
 */
export function TaskChangedNotice({ changes }: { changes: ChangeByOthers[] }) {
  return (
    <div
      role="status"
      className="mt-4 rounded-md border border-primary/40 bg-primary/5 p-3 text-sm"
      data-test="task-changed-notice"
    >
      <ul className="space-y-1">
        {changes.map((change, index) => (
          <li key={index}>
            <strong>{change.author ?? 'Someone'}</strong> changed{' '}
            {listOf([...new Set(change.fields.map((field) => FIELD_NAMES[field] ?? field))])}.
          </li>
        ))}
      </ul>
      <p className="mt-1 text-muted-foreground">
        Your edits are kept. Saving will show both versions before anything is overwritten.
      </p>
    </div>
  )
}
