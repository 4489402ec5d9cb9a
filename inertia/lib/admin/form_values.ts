import { DateTime } from 'luxon'
import type { AdminField, AdminValue } from '~/lib/admin/types'

/** A field's value in the change form: a scalar, or the ids of a `relations` field. */
export type FieldValue = AdminValue | string[]

/** One row of an inline as the form sends it: its id (none when new), its fields, `_delete`. */
export type InlineRowData = {
  id: string | undefined
  _delete?: boolean
  [field: string]: FieldValue | undefined
}

/** The value of a field on a new inline row. */
export function emptyValue(field: AdminField): FieldValue {
  if (field.widget === 'checkbox') return false
  if (field.widget === 'relations') return []
  if (['text', 'textarea', 'email', 'password'].includes(field.widget)) return ''
  return null
}

/**
 * A moment as a `datetime-local` input reads it: wall-clock time in `zone`. A value without an
 * offset is already wall-clock time (the form sends it back that way); one with an offset or `Z`
 * is moved into `zone`.
 */
export function toLocalInput(value: FieldValue, zone: string): string {
  if (typeof value !== 'string' || value === '') return ''
  const moment = DateTime.fromISO(value, { zone })
  return moment.isValid ? moment.toFormat("yyyy-MM-dd'T'HH:mm") : value
}
