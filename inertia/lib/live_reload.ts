import { router } from '@inertiajs/react'
import type { CancelToken, PendingVisit } from '@inertiajs/core'

/** Marks the reloads made for live changes, so they are told apart from the person's visits. */
const LIVE_HEADER = 'X-Atrium-Live'

/** What a live reload may be told of its request. */
export type LiveReloadCallbacks = {
  onCancelToken?: (token: CancelToken) => void
  onFinish?: () => void
}

type LiveReload = { only: string[]; callbacks: LiveReloadCallbacks }

/** How many of the person's own visits (saves, links, forms) are on their way. */
let ownVisits = 0

/** Live reloads on their way, by their props ("" for all), with the means to call them off. */
const underway = new Map<string, LiveReload & { token: CancelToken }>()

/** Live reloads asked for while the person's visit was on its way, made once it has finished. */
const owed = new Map<string, LiveReload>()

const keyOf = (only: string[]) => only.join(',')

function isOwnVisit(visit: PendingVisit): boolean {
  return !visit.prefetch && visit.headers[LIVE_HEADER] === undefined
}

function send({ only, callbacks }: LiveReload) {
  const key = keyOf(only)
  let sent: CancelToken | undefined
  router.reload({
    only,
    headers: { [LIVE_HEADER]: '1' },
    onCancelToken: (token) => {
      sent = token
      underway.set(key, { only, callbacks, token })
      callbacks.onCancelToken?.(token)
    },
    onFinish: () => {
      if (underway.get(key)?.token === sent) underway.delete(key)
      callbacks.onFinish?.()
    },
  })
}

let following = false

/**
 * Keeps live reloads and the person's own visits apart (see {@link reloadLive}): counts the
 * visits as they start and finish, calls off the live reloads on their way when one starts, and
 * makes them once the last has finished. Called once as the app starts (inertia/app.tsx), so a
 * visit already on its way when the first change is heard is counted.
 */
export function followOwnVisits() {
  if (following) return
  following = true
  router.on('start', (event) => {
    if (!isOwnVisit(event.detail.visit)) return
    ownVisits++
    for (const [key, reload] of underway) {
      underway.delete(key)
      owed.set(key, reload)
      reload.token.cancel()
    }
  })
  router.on('finish', (event) => {
    if (!isOwnVisit(event.detail.visit)) return
    ownVisits = Math.max(0, ownVisits - 1)
    if (ownVisits > 0) return
    const due = [...owed.values()]
    owed.clear()
    for (const reload of due) send(reload)
  })
}

/**
 * Reloads the page's props (`only` these, or all) after a change someone else made, never beside
 * a visit of the person's own: a reload reaching the server between a save and the page it
 * redirects to would take the flash meant for that page (the conflict screen, an error, "Task
 * saved."). Asked for while such a visit is on its way, or on its way when one starts, the reload
 * is made once the visit has finished.
 */
export function reloadLive(only: string[] = [], callbacks: LiveReloadCallbacks = {}) {
  const reload = { only, callbacks }
  if (ownVisits > 0) owed.set(keyOf(only), reload)
  else send(reload)
}
