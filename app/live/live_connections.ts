import logger from '@adonisjs/core/services/logger'
import type { WatchedChannel } from '#live/live_channels'
import { joinPresence, leavePresence } from '#live/live_presence'
import type { LiveEnded, LiveStale, LiveViewer } from '#shared/live'

/** One browser's open stream, held by this process. */
export type LiveConnection = {
  uid: string
  userId: number
  /** The hash of the session's tracking key: the stream ends when that session does. */
  sessionKeyHash: string | null
  /** When the session expires unless the browser renews it with another request (ms). */
  sessionExpiresAt: number
  channels: WatchedChannel[]
  /** The channel whose viewers this stream counts among (the page's own), if any. */
  presence: string | null
  viewer: LiveViewer
  /** Ends the stream, with a last message saying so. */
  end(): void
}

const connections = new Map<string, LiveConnection>()

/**
 * At most this many streams per user on one process (tabs and devices together): enough for any
 * person, and a bound on what one account can hold open.
 */
export const MAX_STREAMS_PER_USER = 20

/** How many streams of `userId` this process holds. */
export function streamCountOf(userId: number): number {
  let count = 0
  for (const connection of connections.values()) if (connection.userId === userId) count++
  return count
}

/** The streams this process holds now. */
export function openConnections(): LiveConnection[] {
  return [...connections.values()]
}

/**
 * Starts holding a stream (at once, before the promise settles, so that its release can never
 * come first); a stream on a page with presence joins that page's viewers.
 */
export async function holdConnection(connection: LiveConnection) {
  connections.set(connection.uid, connection)
  await joinPresence(connection)
}

/** Lets go of a stream that closed; its viewer leaves the page's viewers at once. */
export async function releaseConnection(uid: string) {
  const connection = connections.get(uid)
  if (!connection) return
  connections.delete(uid)
  try {
    await leavePresence(connection)
  } catch (error) {
    logger.warn({ err: error }, 'a viewer could not be removed from a live page')
  }
}

/** The last message of a stream the server ends: the page then checks why and reloads. */
export const ENDED: LiveEnded = { type: 'ended' }

/** The first message of a stream whose page read its props before the latest change. */
export const STALE: LiveStale = { type: 'stale' }

/** Ends every stream of this process (at shutdown), so the server can close without waiting. */
export async function endAllConnections() {
  for (const connection of openConnections()) {
    connection.end()
    await releaseConnection(connection.uid)
  }
}
