import { type RefObject, useCallback, useEffect, useRef } from 'react'
import type { CancelToken } from '@inertiajs/core'
import { reloadLive } from '~/lib/live_reload'

/**
 * Reloads some of the page's props after a live change, but never while something is being
 * dragged inside `area`: a reload asked for during a drag is made after the drop, and one already
 * on its way when a drag begins, or leaving during one, is called off and made after the drop
 * too, so the cards never move under the pointer. Returns the function that asks for the reload.
 */
export function useReloadAfterDrag(area: RefObject<HTMLElement | null>, only: string[]) {
  const dragging = useRef(false)
  const owed = useRef(false)
  const underway = useRef<CancelToken | null>(null)

  const reload = useCallback(() => {
    if (dragging.current) {
      owed.current = true
      return
    }
    let token: CancelToken | null = null
    reloadLive(only, {
      onCancelToken: (cancelToken) => {
        // A reload held back until the person's own visit ended may leave during a drag.
        if (dragging.current) {
          owed.current = true
          cancelToken.cancel()
          return
        }
        token = cancelToken
        underway.current = cancelToken
      },
      onFinish: () => {
        if (underway.current === token) underway.current = null
      },
    })
  }, [only])

  useEffect(() => {
    const element = area.current
    if (!element) return
    const start = () => {
      dragging.current = true
      if (!underway.current) return
      underway.current.cancel()
      underway.current = null
      owed.current = true
    }
    const end = () => {
      dragging.current = false
      if (!owed.current) return
      owed.current = false
      reload()
    }
    element.addEventListener('dragstart', start)
    element.addEventListener('dragend', end)
    return () => {
      element.removeEventListener('dragstart', start)
      element.removeEventListener('dragend', end)
    }
  }, [area, reload])

  return reload
}
