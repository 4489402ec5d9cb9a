import type { AdminField } from '~/lib/admin/types'
import { type FieldValue, toLocalInput } from '~/lib/admin/form_values'
import { useTimeZone } from '~/hooks/use_time_zone'
import { RelationInput } from '~/components/admin/relation_input'
import { RelationsInput } from '~/components/admin/relations_input'
import { fieldClasses, Input } from '~/components/ui/input'
import { Select } from '~/components/ui/select'
import { cn } from '~/lib/cn'

type AdminFieldInputProps = {
  'id': string
  'field': AdminField
  'value': FieldValue
  'onChange': (value: FieldValue) => void
  'aria-label'?: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
  'data-test'?: string
}

/** A scalar as the text of an input: null is empty. */
function text(value: FieldValue): string {
  return value === null || Array.isArray(value) ? '' : String(value)
}

/**
 * The control of one editable field, chosen by its widget: a text input, a select, a checkbox, a
 * search of the related model... The label, help and error are drawn around it by the caller.
 */
export function AdminFieldInput({ id, field, value, onChange, ...aria }: AdminFieldInputProps) {
  const zone = useTimeZone()
  const common = { id, name: field.name, required: field.required, ...aria }

  switch (field.widget) {
    case 'textarea':
      return (
        <textarea
          {...common}
          rows={4}
          maxLength={field.maxLength ?? undefined}
          className={cn(fieldClasses, 'min-h-24')}
          value={text(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      )
    case 'checkbox':
      return (
        <input
          {...common}
          type="checkbox"
          className="h-4 w-4"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      )
    case 'select':
      return (
        <Select
          {...common}
          value={text(value)}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
        >
          {(!field.required || value === null) && <option value="">—</option>}
          {(field.choices ?? []).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </Select>
      )
    case 'relation':
    case 'relations': {
      if (!field.lookupUrl) throw new Error(`The relation field "${field.name}" has no lookupUrl`)
      const relation = { ...aria, id, lookupUrl: field.lookupUrl, initial: field.selected ?? [] }
      return field.widget === 'relation' ? (
        <RelationInput
          {...relation}
          label={field.label}
          required={field.required}
          value={value === null || Array.isArray(value) ? null : String(value)}
          onChange={onChange}
        />
      ) : (
        <RelationsInput
          {...relation}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        />
      )
    }
    case 'number':
      return (
        <Input
          {...common}
          type="number"
          value={text(value)}
          onChange={(event) =>
            onChange(event.target.value === '' ? null : Number(event.target.value))
          }
        />
      )
    case 'date':
      return (
        <Input
          {...common}
          type="date"
          value={text(value).slice(0, 10)}
          onChange={(event) => onChange(event.target.value || null)}
        />
      )
    case 'datetime':
      return (
        <Input
          {...common}
          type="datetime-local"
          value={toLocalInput(value, zone)}
          onChange={(event) => onChange(event.target.value || null)}
        />
      )
    default:
      return (
        <Input
          {...common}
          type={field.widget}
          maxLength={field.maxLength ?? undefined}
          autoComplete={field.widget === 'password' ? 'new-password' : undefined}
          value={text(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      )
  }
}
