import { useEffect, type ReactNode } from 'react'

/** The attribute set on the app's root element once React has taken over the page. */
export const READY_ATTRIBUTE = 'data-ready'

/**
 * Marks the app's root element `data-ready="true"` once React has hydrated (or first rendered) the
 * page, so its buttons and shortcuts answer. Until then a server-rendered page shows its content but
 * ignores keys and clicks; browser tests, and any end-to-end tool, wait for the mark before acting.
 */
export function MarkReady({ root, children }: { root: HTMLElement; children: ReactNode }) {
  useEffect(() => {
    root.setAttribute(READY_ATTRIBUTE, 'true')
  }, [root])
  return children
}
