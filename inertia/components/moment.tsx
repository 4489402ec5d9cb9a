import { formatMoment } from '~/lib/dates'
import { useTimeZone } from '~/hooks/use_time_zone'

/** A point in time, written in the user's time zone, e.g. "3 Dec 2026, 14:05". */
export function Moment({ iso, className }: { iso: string; className?: string }) {
  const zone = useTimeZone()
  return (
    <time dateTime={iso} className={className} title={zone}>
      {formatMoment(iso, zone)}
    </time>
  )
}
