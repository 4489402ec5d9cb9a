import { AsyncLocalStorage } from 'node:async_hooks'

const storage = new AsyncLocalStorage<{ actorId: number | null; tab: string | null }>()

/**
 * Runs `work` with `actorId` as the author of every activity it records: the HTTP layer wraps each
 * request in the logged-in user (and the browser tab it came from, if it said), a command in the
 * user it acts for. Outside of any run (seeders, scripts) writes are recorded without an actor.
 */
export function runAsActor<T>(
  actorId: number | null,
  work: () => T,
  { tab = null }: { tab?: string | null } = {}
): T {
  return storage.run({ actorId, tab }, work)
}

/** The author of the writes happening now, or null. */
export function currentActorId(): number | null {
  return storage.getStore()?.actorId ?? null
}

/** The id of the browser tab the writes happening now come from, or null. */
export function currentTab(): string | null {
  return storage.getStore()?.tab ?? null
}
