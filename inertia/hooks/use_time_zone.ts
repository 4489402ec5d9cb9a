import { usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'

/** The time zone pages show dates in: the logged-in user's, else UTC. */
export function useTimeZone(): string {
  return usePage<Data.SharedProps>().props.user?.timeZone ?? 'UTC'
}
