import type { LiveStatus } from '~/hooks/use_live'

/**
 * Whether the page is following changes: nothing to see while it is (screen readers hear "Live"),
 * "Reconnecting…" while its stream is down.
 */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span data-test="live-status" data-status={status} className="text-sm text-muted-foreground">
      {status === 'offline' ? 'Reconnecting…' : <span className="sr-only">Live</span>}
    </span>
  )
}
