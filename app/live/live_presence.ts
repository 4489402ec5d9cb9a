import transmit from '@adonisjs/transmit/services/main'
import { presenceStore } from '#live/presence_store'
import { type LivePresence, type LiveViewer, MAX_LISTED_VIEWERS } from '#shared/live'

/** A viewer's presence lasts this long unless the process holding their stream renews it. */
export const PRESENCE_TTL_MS = 25_000

/** What presence needs of a stream (a LiveConnection, app/live/live_connections.ts). */
type PresentStream = { uid: string; presence: string | null; viewer: LiveViewer }

/** What a stream's presence entry holds: the stream (one entry per tab) and who it is. */
function presenceEntry(connection: PresentStream): string {
  return JSON.stringify([connection.uid, connection.viewer])
}

/** Counts a stream among its page's viewers (on a page that shows them), and tells them. */
export async function joinPresence(connection: PresentStream) {
  if (connection.presence === null) return
  await presenceStore.put(
    connection.presence,
    [presenceEntry(connection)],
    Date.now() + PRESENCE_TTL_MS
  )
  await announcePresence(connection.presence)
}

/** Takes a closed stream out of its page's viewers at once, and tells them. */
export async function leavePresence(connection: PresentStream) {
  if (connection.presence === null) return
  await presenceStore.remove(connection.presence, presenceEntry(connection))
  await announcePresence(connection.presence)
}

/** Renews the presence of the given streams and drops the viewers whose entries expired. */
export async function renewPresence(connections: PresentStream[], now = Date.now()) {
  const byChannel = new Map<string, string[]>()
  for (const connection of connections) {
    if (connection.presence === null) continue
    const entries = byChannel.get(connection.presence) ?? []
    entries.push(presenceEntry(connection))
    byChannel.set(connection.presence, entries)
  }
  for (const [channel, entries] of byChannel) {
    await presenceStore.put(channel, entries, now + PRESENCE_TTL_MS)
    if (await presenceStore.prune(channel, now)) await announcePresence(channel)
  }
}

/** Tells a page's viewers who is there now: each person once, whatever their tabs, by name. */
export async function announcePresence(channel: string) {
  const seen = new Map<number, LiveViewer>()
  for (const entry of await presenceStore.list(channel, Date.now())) {
    const [, viewer] = JSON.parse(entry) as [string, LiveViewer]
    if (!seen.has(viewer.id)) seen.set(viewer.id, viewer)
  }
  const viewers = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
  const message: LivePresence = {
    type: 'presence',
    channel,
    viewers: viewers.slice(0, MAX_LISTED_VIEWERS),
    total: viewers.length,
  }
  transmit.broadcast(channel, message)
}
