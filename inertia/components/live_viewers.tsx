import { usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import type { LiveViewer } from '#shared/live'

/**
 * Who else has this page open now: their initials in a row (the full name on hover and for
 * screen readers), and how many more when there are many. Nothing when the viewer is alone.
 */
export function LiveViewers({ viewers, total }: { viewers: LiveViewer[]; total: number }) {
  const me = usePage<Data.SharedProps>().props.user?.id
  const others = viewers.filter((viewer) => viewer.id !== me)
  const more = total - viewers.length
  if (others.length === 0 && more <= 0) return null

  return (
    <div className="flex items-center gap-2 text-sm text-muted-foreground" data-test="live-viewers">
      <span>Also here:</span>
      <ul className="flex -space-x-1.5">
        {others.map((viewer) => (
          <li
            key={viewer.id}
            title={viewer.name}
            data-test="live-viewer"
            className="flex size-7 items-center justify-center rounded-full border-2 border-background bg-primary text-xs font-semibold text-primary-foreground"
          >
            <span aria-hidden="true">{viewer.initials}</span>
            <span className="sr-only">{viewer.name}</span>
          </li>
        ))}
      </ul>
      {more > 0 && <span>and {more} more</span>}
    </div>
  )
}
