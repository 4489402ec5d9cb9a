import type { VisitOptions } from '@inertiajs/core'
import { TAB_HEADER, type LiveChange } from '#shared/live'

/** This tab's own random id (128 bits, URL-safe base64), made once per page load. */
export const TAB_ID = randomTabId()

function randomTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/**
 * Every Inertia visit of this tab names the tab in a header, so the changes it makes come back
 * over its live stream marked as its own (see `LiveChange.tab`).
 */
export function withTabHeader(_href: string, options: VisitOptions): Partial<VisitOptions> {
  return { headers: { ...options.headers, [TAB_HEADER]: TAB_ID } }
}

/** The SHA-256 (hex) of this tab's id, once known; null where the browser cannot hash it. */
let ownTabHash: string | null = null

// `crypto.subtle` exists on secure pages only (HTTPS, or localhost): elsewhere a tab does not
// recognise its own changes and reloads after them too, which is only one request more.
if (globalThis.crypto?.subtle) {
  void crypto.subtle.digest('SHA-256', new TextEncoder().encode(TAB_ID)).then((digest) => {
    ownTabHash = [...new Uint8Array(digest)]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('')
  })
}

/**
 * Whether a change came from this very tab: the response to the request that made it already
 * brought the page up to date, so there is nothing to reload.
 */
export function isFromThisTab(change: LiveChange): boolean {
  return ownTabHash !== null && change.tab === ownTabHash
}
