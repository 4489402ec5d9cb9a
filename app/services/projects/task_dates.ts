import { DateTime } from 'luxon'

/*
 * The server's date helpers of tasks: between the calendar dates people enter and filter by
 * (due dates), what VineJS parses them into, and what the database columns return. How dates
 * read on the pages is `inertia/lib/dates.ts`.
 */

/** The calendar date VineJS parsed (in local time), as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

/** A due date as a form gave it (parsed by VineJS), as the model stores it; null when empty. */
export function dueOnOf(date: Date | null | undefined): DateTime | null {
  return date ? DateTime.fromISO(isoDate(date)) : null
}

/** A date column as YYYY-MM-DD: SQLite gives the text, PostgreSQL a Date at local midnight. */
export function dateOfColumn(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return DateTime.fromJSDate(value).toISODate()
  return String(value).slice(0, 10)
}

/** A timestamp column as ISO 8601 with offset, as the models serialize it. */
export function momentOfColumn(value: unknown): string {
  if (value instanceof Date) return DateTime.fromJSDate(value).toISO()!
  if (typeof value === 'number') return DateTime.fromMillis(value).toISO()!
  const text = String(value)
  return (text.includes('T') ? DateTime.fromISO(text) : DateTime.fromSQL(text)).toISO()!
}
