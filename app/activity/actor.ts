import { AsyncLocalStorage } from 'node:async_hooks'

const storage = new AsyncLocalStorage<{ actorId: number | null }>()

/**
 * Runs `work` with `actorId` as the author of every activity it records: the HTTP layer wraps each
 * request in the logged-in user, a command in the user it acts for. Outside of any run (seeders,
 * scripts) writes are recorded without an actor.
 */
export function runAsActor<T>(actorId: number | null, work: () => T): T {
  return storage.run({ actorId }, work)
}

/** The author of the writes happening now, or null. */
export function currentActorId(): number | null {
  return storage.getStore()?.actorId ?? null
}
