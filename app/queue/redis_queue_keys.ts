import type { Redis } from 'ioredis'

/**
 * Where the queue library keeps a queue's jobs in Redis (its adapter's key names, which it keeps
 * private). Every key is relative to the connection's `keyPrefix`, which ioredis adds to the keys
 * of a command, but not to key names passed as arguments: those get `absolutePrefix`.
 */
export function redisQueueKeys(queue: string) {
  const base = `jobs::${queue}`
  return {
    /** id → the job's JSON as pushed (never rewritten). */
    data: `${base}::data`,
    /** Sorted set of ids ready to run, by priority then time. */
    pending: `${base}::pending`,
    /** Sorted set of ids waiting for their time (a retry after backoff), by due time. */
    delayed: `${base}::delayed`,
    /** id → { workerId, acquiredAt } of running jobs. */
    active: `${base}::active`,
    /** id → the fields changed after the push (attempts, stalledCount, Atrium's fields). */
    overlay: `${base}::metadata`,
    /** id → { finishedAt }, and the ids by finish time. */
    completed: `${base}::completed`,
    completedIndex: `${base}::completed::index`,
    /** id → { finishedAt, error }, and the ids by finish time. */
    failed: `${base}::failed`,
    failedIndex: `${base}::failed::index`,
    /** Prefix of the deduplication pointers (dedup id → job id). */
    dedupPrefix: `${base}::dedup::`,
  }
}

/** The keys of a queue, in the order Atrium's scripts take them (KEYS[1] to KEYS[9]). */
export function redisQueueKeyList(queue: string): string[] {
  const keys = redisQueueKeys(queue)
  return [
    keys.data,
    keys.pending,
    keys.delayed,
    keys.active,
    keys.overlay,
    keys.completed,
    keys.completedIndex,
    keys.failed,
    keys.failedIndex,
  ]
}

/** The prefix ioredis puts before every key of the connection's commands. */
export function absolutePrefix(connection: Redis): string {
  return connection.options.keyPrefix ?? ''
}

/**
 * Atrium's fields in a job's overlay, next to the library's. The library's scripts rewrite the
 * overlay as a whole (decode, change a field, encode), so these survive its retries and
 * recoveries, and go with the job when the library deletes it.
 */
export const OVERLAY_PROGRESS = 'atriumProgress'
export const OVERLAY_LAST_ERROR = 'atriumLastError'

/** Lua names for the nine keys of `redisQueueKeyList`, to open a script with. */
export const QUEUE_KEYS_LUA = `
  local data_key = KEYS[1]
  local pending_key = KEYS[2]
  local delayed_key = KEYS[3]
  local active_key = KEYS[4]
  local overlay_key = KEYS[5]
  local completed_key = KEYS[6]
  local completed_index_key = KEYS[7]
  local failed_key = KEYS[8]
  local failed_index_key = KEYS[9]
`
