import { http } from '@inertiajs/react'
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

/** How long a lost answer makes the tab's own changes count like anyone's. */
const LOST_ANSWER_MS = 30_000

/** When the tab last lost an answer (ms since the epoch). */
let answerLostAt = -Infinity

/**
 * Notes the requests whose answer was lost (the network failed, the server erred): such a
 * request may still have changed something the page does not show. Called once as the app
 * starts (inertia/app.tsx).
 */
export function followLostAnswers() {
  http.onError((error) => {
    const lost =
      error.code === 'ERR_NETWORK' || ('response' in error && error.response.status >= 500)
    if (lost) answerLostAt = Date.now()
  })
}

/** Whether the tab lost an answer lately, so its own changes may not be on the page. */
export function answerLostLately(): boolean {
  return Date.now() - answerLostAt < LOST_ANSWER_MS
}

/**
 * Whether a change came from this very tab, whose answer to the request that made it brings the
 * page up to date (unless that answer is lost, see {@link answerLostLately}).
 */
export function isFromThisTab(change: LiveChange): boolean {
  return ownTabHash !== null && change.tab === ownTabHash
}
