import { useState } from 'react'
import type { AdminChoice } from '~/lib/admin/types'
import { LookupInput } from '~/components/admin/lookup_input'

type RelationsInputProps = {
  'id': string
  'lookupUrl': string
  /** The related objects' ids. */
  'value': string[]
  /** The labels of the objects chosen when the form was drawn. */
  'initial': AdminChoice[]
  'onChange': (value: string[]) => void
  'aria-describedby'?: string
  'aria-invalid'?: boolean
  'data-test'?: string
}

/** A many-to-many field: the chosen objects as removable chips, and a search to add more. */
export function RelationsInput({
  id,
  lookupUrl,
  value,
  initial,
  onChange,
  ...input
}: RelationsInputProps) {
  const [labels, setLabels] = useState(() => new Map(initial.map((c) => [c.value, c.label])))

  function pick(choice: AdminChoice) {
    setLabels((previous) => new Map(previous).set(choice.value, choice.label))
    onChange([...value, choice.value])
  }

  return (
    <div className="space-y-2">
      {value.length > 0 && (
        <ul aria-label="Chosen" className="flex flex-wrap gap-1.5">
          {value.map((chosen) => (
            <li
              key={chosen}
              className="inline-flex items-center gap-1 rounded-full bg-muted py-0.5 pr-1 pl-2.5 text-sm"
              data-test={`${input['data-test']}-chip-${chosen}`}
            >
              {labels.get(chosen) ?? chosen}
              <button
                type="button"
                aria-label={`Remove ${labels.get(chosen) ?? chosen}`}
                className="rounded-full px-1.5 text-muted-foreground hover:bg-card hover:text-foreground"
                onClick={() => onChange(value.filter((other) => other !== chosen))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <LookupInput {...input} id={id} lookupUrl={lookupUrl} onPick={pick} exclude={value} />
    </div>
  )
}
