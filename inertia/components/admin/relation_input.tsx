import { useState } from 'react'
import type { AdminChoice } from '~/lib/admin/types'
import { LookupInput } from '~/components/admin/lookup_input'
import { Button } from '~/components/ui/button'

type RelationInputProps = {
  'id': string
  'label': string
  'lookupUrl': string
  /** The related object's id, or null. */
  'value': string | null
  /** The labels of the objects chosen when the form was drawn. */
  'initial': AdminChoice[]
  'required': boolean
  'onChange': (value: string | null) => void
  'aria-describedby'?: string
  'aria-invalid'?: boolean
  'data-test'?: string
}

/**
 * A foreign key: shows the chosen object by name, searches the related model to change it, and
 * (when the field is optional) clears it.
 */
export function RelationInput({
  id,
  label,
  lookupUrl,
  value,
  initial,
  required,
  onChange,
  ...input
}: RelationInputProps) {
  const [labels, setLabels] = useState(() => new Map(initial.map((c) => [c.value, c.label])))
  const currentId = `${id}-current`
  const describedBy = [value !== null && currentId, input['aria-describedby']].filter(Boolean)

  function pick(choice: AdminChoice) {
    setLabels((previous) => new Map(previous).set(choice.value, choice.label))
    onChange(choice.value)
  }

  return (
    <div className="space-y-2">
      {value !== null && (
        <p className="flex items-center gap-2 text-sm">
          <span id={currentId} className="font-medium" data-test={`${input['data-test']}-current`}>
            {labels.get(value) ?? value}
          </span>
          {!required && (
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Clear ${label}`}
              onClick={() => onChange(null)}
            >
              Clear
            </Button>
          )}
        </p>
      )}
      <LookupInput
        {...input}
        id={id}
        lookupUrl={lookupUrl}
        onPick={pick}
        exclude={value === null ? [] : [value]}
        placeholder={value === null ? 'Type to search' : 'Type to search for another'}
        aria-describedby={describedBy.join(' ') || undefined}
      />
    </div>
  )
}
