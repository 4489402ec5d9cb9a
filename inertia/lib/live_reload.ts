import { router } from '@inertiajs/react'
import type { CancelToken, PendingVisit } from '@inertiajs/core'
import { LIVE_RELOAD_HEADER } from '#shared/live'

/** What a live reload may be told of its request. */
export type LiveReloadCallbacks = {
  onCancelToken?: (token: CancelToken) => void
  onFinish?: () => void
}

type LiveReload = { only: string[]; callbacks: LiveReloadCallbacks }

/**
 * The person's own visits on their way, by id: saves, links, forms, and Inertia's own loads
 * (deferred props, polls), which a live reload need not race either.
 */
const ownVisits = new Set<string>()

/** Live reloads on their way, by their props ("" for all), with the means to call them off. */
const underway = new Map<string, LiveReload & { token: CancelToken }>()

/** Live reloads asked for while a visit of the person's own was on its way. */
const owed = new Map<string, LiveReload>()

/** What waits for the person's visits on their way to finish (see {@link whenOwnVisitsEnd}). */
let waiting: (() => void)[] = []

const keyOf = (only: string[]) => only.join(',')

function isOwnVisit(visit: PendingVisit): boolean {
  return !visit.prefetch && visit.headers[LIVE_RELOAD_HEADER] === undefined
}

function send({ only, callbacks }: LiveReload) {
  const key = keyOf(only)
  // A newer reload of the same props brings all the older one would have.
  underway.get(key)?.token.cancel()
  let sent: CancelToken | undefined
  router.reload({
    only,
    headers: { [LIVE_RELOAD_HEADER]: '1' },
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
 * Keeps live reloads and the person's own visits apart (see {@link reloadLive}): notes each visit
 * as it starts and finishes, calls off the live reloads on their way when one starts, and makes
 * them once the last has finished. Called once as the app starts (inertia/app.tsx), so a visit
 * already on its way when the first change is heard is known.
 */
export function followOwnVisits() {
  if (following) return
  following = true
  router.on('start', (event) => {
    const visit = event.detail.visit
    if (!isOwnVisit(visit)) return
    ownVisits.add(visit.id)
    for (const [key, reload] of underway) {
      underway.delete(key)
      owed.set(key, reload)
      reload.token.cancel()
    }
  })
  router.on('finish', (event) => {
    const visit = event.detail.visit
    if (!ownVisits.delete(visit.id) || ownVisits.size > 0) return
    const then = waiting
    waiting = []
    for (const callback of then) callback()
    const due = [...owed.values()]
    owed.clear()
    for (const reload of due) send(reload)
  })
}

/**
 * Reloads the page's props (`only` these, or all) after a live change, never beside a visit of
 * the person's own: the two answers would race, and a reload read before a save could land after
 * the save's page and show the page as it was. Asked for while such a visit is on its way, or on
 * its way when one starts, the reload is made once the visit has finished. (The server, for its
 * part, keeps a save's flash messages for the page it redirects to: InertiaMiddleware.)
 */
export function reloadLive(only: string[] = [], callbacks: LiveReloadCallbacks = {}) {
  const reload = { only, callbacks }
  if (ownVisits.size > 0) owed.set(keyOf(only), reload)
  else send(reload)
}

/** Runs `callback` once none of the person's own visits is on its way: now, or when the last ends. */
export function whenOwnVisitsEnd(callback: () => void) {
  if (ownVisits.size === 0) callback()
  else waiting.push(callback)
}
