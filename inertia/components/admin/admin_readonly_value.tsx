import type { AdminField } from '~/lib/admin/types'
import type { FieldValue } from '~/lib/admin/form_values'
import { BooleanIcon, formatDate } from '~/components/admin/admin_cell'
import { Moment } from '~/components/moment'

/** The label of a choice or related object by its value, else the value itself. */
function labelOf(field: AdminField, value: string): string {
  const choices = field.choices ?? field.selected ?? []
  return choices.find((choice) => choice.value === value)?.label ?? value
}

/** A field the user may not change, as text: choices and related objects by their labels. */
export function AdminReadonlyValue({ field, value }: { field: AdminField; value: FieldValue }) {
  if (Array.isArray(value)) {
    return <>{value.length ? value.map((id) => labelOf(field, id)).join(', ') : '—'}</>
  }
  if (value === null || value === '') return <>—</>
  if (field.widget === 'checkbox' || typeof value === 'boolean') {
    return <BooleanIcon value={Boolean(value)} />
  }
  if (field.widget === 'password') return <>••••••••</>
  if (field.widget === 'datetime') return <Moment iso={String(value)} />
  if (field.widget === 'date')
    return <time dateTime={String(value)}>{formatDate(String(value))}</time>
  return <>{labelOf(field, String(value))}</>
}
