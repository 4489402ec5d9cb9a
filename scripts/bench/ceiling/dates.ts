/*
 * The ceiling's date formats, written out by hand: the same strings Atrium's pages send (luxon's
 * `toISO()` in the server's time zone), without a date library on the request path.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** A moment as ISO 8601 in local time with its offset: `2026-11-03T10:04:05.123+00:00`. */
export function localIso(date: Date): string {
  const offset = -date.getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const hours = Math.floor(Math.abs(offset) / 60)
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `.${pad(date.getMilliseconds(), 3)}${sign}${pad(hours)}:${pad(Math.abs(offset) % 60)}`
  )
}

/** A local calendar date as YYYY-MM-DD. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * A timestamp column as a Date: PostgreSQL's driver gives one; SQLite gives the text Atrium
 * wrote (`yyyy-MM-dd HH:mm:ss`, local time) or milliseconds.
 */
export function momentOf(value: unknown): Date {
  if (value instanceof Date) return value
  if (typeof value === 'number') return new Date(value)
  const text = String(value)
  if (text.includes('T')) return new Date(text)
  const [day, time = '00:00:00'] = text.split(' ')
  const [year, month, date] = day.split('-').map(Number)
  const [hours, minutes, seconds] = time.split(':').map(Number)
  return new Date(year, month - 1, date, hours, minutes, Math.trunc(seconds), (seconds % 1) * 1000)
}

/** A date column as YYYY-MM-DD (PostgreSQL: a Date at local midnight; SQLite: the text). */
export function dateOf(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return localDate(value)
  return String(value).slice(0, 10)
}
