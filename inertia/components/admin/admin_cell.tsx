import { DateTime } from 'luxon'
import type { AdminValue, AdminValueType } from '~/lib/admin/types'
import { Moment } from '~/components/moment'

/** A calendar date (YYYY-MM-DD, or the date part of an ISO string) as "3 Dec 2026". */
export function formatDate(value: string): string {
  const date = DateTime.fromISO(value.slice(0, 10), { zone: 'UTC' }).setLocale('en-GB')
  return date.isValid ? date.toFormat('d LLL yyyy') : value
}

/** A yes/no value as an icon, with the word for screen readers. */
export function BooleanIcon({ value }: { value: boolean }) {
  return (
    <>
      <span aria-hidden="true" className={value ? 'text-primary' : 'text-danger'}>
        {value ? '✓' : '✗'}
      </span>
      <span className="sr-only">{value ? 'Yes' : 'No'}</span>
    </>
  )
}

/**
 * One value of the change list, drawn by its column's type: a tick or a cross for booleans, the
 * user's time zone for datetimes, a dash for no value.
 */
export function AdminCell({ value, type }: { value: AdminValue; type: AdminValueType }) {
  if (value === null || value === '') return <>—</>
  if (type === 'boolean' || typeof value === 'boolean')
    return <BooleanIcon value={Boolean(value)} />
  if (type === 'datetime') return <Moment iso={String(value)} />
  if (type === 'date') return <time dateTime={String(value)}>{formatDate(String(value))}</time>
  return <>{String(value)}</>
}
