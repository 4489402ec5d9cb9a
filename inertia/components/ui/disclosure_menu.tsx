import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { cn } from '~/lib/cn'

type DisclosureMenuProps = {
  /** Content of the toggle button. */
  'label': ReactNode
  /** Accessible name of the toggle button. */
  'buttonLabel': string
  'buttonClassName'?: string
  /** The panel's content; `close` hides it (call it after an action). */
  'children': (close: () => void) => ReactNode
  'data-test'?: string
}

/**
 * A button that shows and hides a small panel of links or actions (the WAI-ARIA disclosure
 * pattern). Escape and a click outside close it and give focus back to the button. Dependency
 * free, so it can sit in the app shell without weighing on every page's first load; use
 * DropdownMenu where a full ARIA menu with arrow-key navigation is wanted.
 */
export function DisclosureMenu({
  label,
  buttonLabel,
  buttonClassName,
  children,
  'data-test': dataTest,
}: DisclosureMenuProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      buttonRef.current?.focus()
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [open])

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={buttonLabel}
        aria-expanded={open}
        aria-controls={panelId}
        data-test={dataTest}
        className={buttonClassName}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={cn(
          'absolute right-0 z-50 mt-2 min-w-52 rounded-md border border-border bg-card p-1 shadow-lg'
        )}
      >
        {children(() => setOpen(false))}
      </div>
    </div>
  )
}

/** Class names for a link or button inside a {@link DisclosureMenu} panel. */
export const disclosureItemClasses =
  'flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none'
