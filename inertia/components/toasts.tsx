import { useCallback, useEffect, useState } from 'react'
import { usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { cn } from '~/lib/cn'

type Flash = Partial<Data.FlashMessages>
type Tone = 'success' | 'error'

const TONES: Tone[] = ['success', 'error']
const VISIBLE_MS = 6000

function hasMessage(flash?: Flash): boolean {
  return Boolean(flash?.success || flash?.error)
}

/**
 * The flash messages to show: the latest visit's, kept while the page is only reloaded (a live
 * update of the same URL brings none, and must not take away the "Task saved." just shown).
 */
function useKeptFlash(latest: Flash | undefined, url: string): Flash | undefined {
  const [kept, setKept] = useState({ flash: latest, url })
  const replaced = hasMessage(latest) ? kept.flash !== latest : kept.url !== url
  if (replaced) setKept({ flash: latest, url })
  return replaced ? latest : kept.flash
}

/**
 * Shows the flash messages of the current visit (success, error) as toasts in a polite live
 * region, so screen readers announce them. Success toasts leave after a few seconds; errors stay
 * until dismissed or the next visit.
 */
export function Toasts() {
  const page = usePage() as unknown as { flash?: Flash; url: string }
  const flash = useKeptFlash(page.flash, page.url)
  const [dismissed, setDismissed] = useState<{ flash?: Flash; tones: Tone[] }>({ tones: [] })

  const dismiss = useCallback(
    (tone: Tone) =>
      setDismissed((previous) => ({
        flash,
        tones: previous.flash === flash ? [...previous.tones, tone] : [tone],
      })),
    [flash]
  )

  useEffect(() => {
    if (!flash?.success) return
    const timer = setTimeout(() => dismiss('success'), VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [flash, dismiss])

  const hidden = dismissed.flash === flash ? dismissed.tones : []
  const toasts = TONES.filter((tone) => flash?.[tone] && !hidden.includes(tone))

  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2"
    >
      {toasts.map((tone) => (
        <div
          key={tone}
          role={tone === 'error' ? 'alert' : 'status'}
          data-test={`toast-${tone}`}
          className={cn(
            'pointer-events-auto flex items-start gap-3 rounded-lg border bg-card p-3 text-sm shadow-lg',
            tone === 'error' ? 'border-danger/40 text-danger' : 'border-border'
          )}
        >
          <p className="flex-1">{flash?.[tone]}</p>
          <button
            type="button"
            aria-label="Dismiss"
            className="rounded px-1 text-muted-foreground hover:text-foreground"
            onClick={() => dismiss(tone)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
