import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import {
  LIVE_PATH,
  type LiveChange,
  type LiveMessage,
  type LivePresence,
  type LiveViewer,
} from '#shared/live'
import { answerLostLately, isFromThisTab } from '~/lib/browser_tab'
import { reloadLive, whenOwnVisitsEnd } from '~/lib/live_reload'

/** How a page follows live changes. */
export type LiveOptions = {
  /** The channels to listen on (see shared/live.ts); none: no stream. */
  channels: string[]
  /** The channel whose viewers this page counts among and shows, if any. */
  presence?: string
  /**
   * When the page's props were read on the server (ms since the epoch, the page's `readAt`): if
   * anything changed between then and the stream's opening, the page reloads them once.
   */
  since?: number
  /**
   * Changes made by others (and by this user in other tabs), gathered over a tenth of a second.
   * The tab's own changes are left out (its answers bring the page up to date), unless an answer
   * was lost; a tab recognises its own only on secure pages (HTTPS or localhost).
   */
  onChanges: (changes: LiveChange[]) => void
  /** The stream is back after a break: the page reloads what it may have missed. */
  onReconnect: () => void
}

/** The state of the page's stream, for a discreet indicator. */
export type LiveStatus = 'connecting' | 'live' | 'offline'

/** Changes arriving this close together are handed to the page at once. */
const GATHER_MS = 100

/** The longest wait between two attempts to come back. */
const MAX_RETRY_MS = 30_000

/**
 * Follows a page's live changes over one server-sent events stream. The browser retries a broken
 * connection by itself; when the server refuses or ends the stream, the page asks, with growing
 * pauses, whether it may come back: it reconnects when it may, and reloads when it may not (the
 * session ended or access was withdrawn, which the reload then shows). After any break, the
 * page reloads its props once, so no change is missed.
 */
export function useLive({ channels, presence, since, onChanges, onReconnect }: LiveOptions) {
  const [status, setStatus] = useState<LiveStatus>('connecting')
  const [viewers, setViewers] = useState<{ viewers: LiveViewer[]; total: number }>({
    viewers: [],
    total: 0,
  })
  const handlers = useRef({ onChanges, onReconnect, since })
  useLayoutEffect(() => {
    handlers.current = { onChanges, onReconnect, since }
  })
  const key = channels.join(',')

  useEffect(() => {
    if (key === '') return
    const query = new URLSearchParams({ channels: key })
    if (presence) query.set('presence', presence)
    const url = `${LIVE_PATH}?${query}`
    // Only the first stream asks: after a break, the page reloads its props anyway.
    const readAt = handlers.current.since
    if (readAt) query.set('since', String(readAt))
    const firstUrl = `${LIVE_PATH}?${query}`

    let source: EventSource | null = null
    let stopped = false
    let attempts = 0
    let connectedBefore = false
    let retry: ReturnType<typeof setTimeout> | undefined
    let gathered: LiveChange[] = []
    let gathering: ReturnType<typeof setTimeout> | undefined

    const deliver = (change: LiveChange) => {
      gathered.push(change)
      gathering ??= setTimeout(() => {
        const changes = gathered
        gathered = []
        gathering = undefined
        handlers.current.onChanges(changes)
      }, GATHER_MS)
    }

    const connect = () => {
      source = new EventSource(connectedBefore ? url : firstUrl)
      source.onopen = () => {
        attempts = 0
        setStatus('live')
        if (connectedBefore) handlers.current.onReconnect()
        connectedBefore = true
      }
      source.onmessage = (event: MessageEvent<string>) => {
        const { payload } = JSON.parse(event.data) as { channel: string; payload: LiveMessage }
        if (payload.type === 'change') {
          if (!isFromThisTab(payload)) deliver(payload)
          // The tab's own change: its answer shows it, unless that answer was lost.
          else whenOwnVisitsEnd(() => !stopped && answerLostLately() && deliver(payload))
        } else if (payload.type === 'presence') showPresence(payload)
        else if (payload.type === 'ended') comeBack()
        else if (payload.type === 'stale') handlers.current.onReconnect()
      }
      source.onerror = () => {
        setStatus('offline')
        // CONNECTING: the browser retries by itself. CLOSED: the server refused the stream.
        if (source?.readyState === EventSource.CLOSED) comeBack()
      }
    }

    const showPresence = (message: LivePresence) => {
      if (presence && message.channel === presence) {
        setViewers({ viewers: message.viewers, total: message.total })
      }
    }

    const comeBack = () => {
      source?.close()
      setStatus('offline')
      const pause = Math.min(MAX_RETRY_MS, 1000 * 2 ** attempts++)
      retry = setTimeout(async () => {
        if (stopped) return
        let answer: number | null = null
        try {
          const response = await fetch(url, { headers: { accept: 'application/json' } })
          answer = response.status
        } catch {
          // The server is out of reach: try again later.
        }
        if (stopped) return
        if (answer === 204) connect()
        else if (answer !== null && answer >= 400 && answer < 500) reloadLive()
        else comeBack()
      }, pause)
    }

    connect()
    return () => {
      stopped = true
      clearTimeout(retry)
      clearTimeout(gathering)
      source?.close()
    }
  }, [key, presence])

  return { status, ...viewers }
}
