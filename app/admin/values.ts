import { DateTime } from 'luxon'
import type { AdminValue, AdminValueType } from '#admin/types'

/**
 * A raw database value as pages carry it: SQLite's 0/1 as booleans, dates as YYYY-MM-DD,
 * timestamps as ISO 8601 in UTC, whatever the driver returned (text or Date).
 */
export function toAdminValue(value: unknown, type: AdminValueType): AdminValue {
  if (value === null || value === undefined) return null
  switch (type) {
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't' || value === 'true'
    case 'number':
      return Number(value)
    case 'date':
      if (value instanceof Date) return DateTime.fromJSDate(value).toISODate()
      if (DateTime.isDateTime(value)) return value.toISODate()
      return String(value).slice(0, 10)
    case 'datetime':
      return toIsoTimestamp(value)
    default:
      return String(value)
  }
}

function toIsoTimestamp(value: unknown): string | null {
  if (value instanceof Date) return DateTime.fromJSDate(value).toUTC().toISO()
  if (DateTime.isDateTime(value)) return value.toUTC().toISO()
  if (typeof value === 'number') return DateTime.fromMillis(value).toUTC().toISO()
  const text = String(value)
  const parsed = text.includes('T') ? DateTime.fromISO(text) : DateTime.fromSQL(text)
  return parsed.isValid ? parsed.toUTC().toISO() : text
}

/** A value as one cell of a CSV file or a line of history. */
export function toText(value: AdminValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return String(value)
}
