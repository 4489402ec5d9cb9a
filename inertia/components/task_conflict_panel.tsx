import type { Data } from '@generated/data'
import { Button } from '~/components/ui/button'
import { TASK_FIELD_NAMES, type TaskValues, describeTaskValue } from '~/lib/task_values'

type TaskConflictPanelProps = {
  /** The values in the form (what this person tried to save) and the version they started from. */
  mine: TaskValues & { version: number }
  /** The values someone else saved meanwhile, and their version. */
  theirs: TaskValues & { version: number }
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
  onTakeTheirs: <Field extends keyof TaskValues>(field: Field, value: TaskValues[Field]) => void
  /** Adopts their version, so the next save keeps the remaining values of this person. */
  onKeepMine: (version: number) => void
}

/**
 * After a refused stale save: each field that differs, with both values in words and a way to
 * take theirs; then "keep the rest of mine", which adopts their version. Shown until then, even
 * when no field differs any more, since the next save would be refused again.
 */
export function TaskConflictPanel({
  mine,
  theirs,
  members,
  labels,
  onTakeTheirs,
  onKeepMine,
}: TaskConflictPanelProps) {
  const differing = (Object.keys(TASK_FIELD_NAMES) as (keyof TaskValues)[]).filter(
    (field) => JSON.stringify(theirs[field]) !== JSON.stringify(mine[field])
  )
  if (mine.version === theirs.version) return null

  const describe = (field: keyof TaskValues, value: unknown) =>
    describeTaskValue(field, value, { members, labels })

  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="rounded-lg border border-danger/40 bg-danger/5 p-4"
      data-test="conflict"
    >
      <h2 id="conflict-heading" className="font-semibold">
        Someone else saved this task while you were editing it
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        For each field, keep your value or take theirs, then save again.
      </p>
      {differing.length === 0 && <p className="mt-3 text-sm">Every field now matches theirs.</p>}
      <ul className="mt-3 divide-y divide-border text-sm">
        {differing.map((field) => (
          <li
            key={field}
            className="grid gap-2 py-2 sm:grid-cols-[7rem_1fr_1fr_auto] sm:items-center"
            data-test={`conflict-${field}`}
          >
            <span className="font-medium">{TASK_FIELD_NAMES[field]}</span>
            <span className="break-words">
              <span className="text-muted-foreground">Yours: </span>
              {describe(field, mine[field])}
            </span>
            <span className="break-words">
              <span className="text-muted-foreground">Theirs: </span>
              {describe(field, theirs[field])}
            </span>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => onTakeTheirs(field, theirs[field])}
            >
              Take theirs
            </Button>
          </li>
        ))}
      </ul>
      <Button
        className="mt-3"
        size="sm"
        onClick={() => onKeepMine(theirs.version)}
        data-test="keep-mine"
      >
        Keep the rest of mine
      </Button>
    </section>
  )
}
