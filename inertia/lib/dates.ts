import { DateTime } from 'luxon'

/** The locale dates are written in, the same on the server render and in the browser. */
const LOCALE = 'en-GB'

/** A moment (ISO timestamp) as read in `zone`: "3 Dec 2026, 14:05". */
export function formatMoment(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).setLocale(LOCALE).toFormat('d LLL yyyy, HH:mm')
}

/** A calendar date (YYYY-MM-DD) as people read it: "15 Jan 2026". */
export function formatDay(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).setLocale(LOCALE).toFormat('d LLL yyyy')
}

/** A moment as a `datetime-local` input holds it, in `zone`: "2026-01-15T10:30". */
export function toDateTimeInput(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-LL-dd'T'HH:mm")
}

/** Today's calendar date (YYYY-MM-DD) in `zone`. */
export function todayIn(zone: string): string {
  return DateTime.now().setZone(zone).toISODate()!
}

/** How a due date reads next to `today` (both YYYY-MM-DD): its words and how urgent it is. */
export function describeDueDate(
  dueOn: string,
  today: string
): { text: string; urgency: 'overdue' | 'soon' | 'later' } {
  const due = DateTime.fromISO(dueOn, { zone: 'UTC' }).setLocale(LOCALE)
  const days = Math.round(due.diff(DateTime.fromISO(today, { zone: 'UTC' }), 'days').days)
  if (days < 0) {
    return { text: `Overdue by ${-days} ${-days === 1 ? 'day' : 'days'}`, urgency: 'overdue' }
  }
  if (days === 0) return { text: 'Due today', urgency: 'soon' }
  if (days === 1) return { text: 'Due tomorrow', urgency: 'soon' }
  const sameYear = due.year === DateTime.fromISO(today).year
  return {
    text: `Due ${due.toFormat(sameYear ? 'ccc d LLL' : 'd LLL yyyy')}`,
    urgency: days <= 7 ? 'soon' : 'later',
  }
}
