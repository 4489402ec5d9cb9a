import { useEffect, useState } from 'react'
import type { AdminChoice } from '~/lib/admin/types'
import { lookupHref } from '~/lib/admin/urls'

const DEBOUNCE_MS = 200

type Answer = { href: string; results: AdminChoice[]; failed: boolean }

/**
 * Searches an admin lookup endpoint for `term` while `enabled`, waiting for typing to pause. A
 * newer term cancels the request of an older one, so results never arrive out of order.
 */
export function useLookup(lookupUrl: string, term: string, enabled: boolean) {
  const href = lookupHref(lookupUrl, term.trim())
  const [answer, setAnswer] = useState<Answer | null>(null)

  useEffect(() => {
    if (!enabled) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(href, {
          headers: { Accept: 'application/json' },
          signal: controller.signal,
        })
        if (!response.ok) throw new Error(`Lookup "${href}" answered ${response.status}`)
        const body = (await response.json()) as { results: AdminChoice[] }
        setAnswer({ href, results: body.results, failed: false })
      } catch {
        if (!controller.signal.aborted) setAnswer({ href, results: [], failed: true })
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [href, enabled])

  const current = answer?.href === href ? answer : null
  return {
    results: current?.results ?? answer?.results ?? [],
    loading: current === null,
    failed: current?.failed ?? false,
  }
}
