import redis from '@adonisjs/redis/services/main'
import { redisConfigured } from '#config/redis'

/**
 * Who has a page open, shared by every app process: each open stream is an entry of its page's
 * channel that lasts until it expires, and the process holding the stream renews it while it is
 * open. Entries of a process that died expire by themselves.
 */
export interface PresenceStore {
  /** Adds or renews `entries` (opaque strings) of `channel` until `expiresAt` (ms). */
  put(channel: string, entries: string[], expiresAt: number): Promise<void>
  /** Removes an entry (its stream closed). */
  remove(channel: string, entry: string): Promise<void>
  /** Drops the expired entries; returns whether any went. */
  prune(channel: string, now: number): Promise<boolean>
  /** The entries that have not expired. */
  list(channel: string, now: number): Promise<string[]>
}

/** In Redis, a sorted set per channel scored by expiry: any process sees every stream. */
class RedisPresenceStore implements PresenceStore {
  #key(channel: string) {
    return `atrium:presence:${channel}`
  }

  async put(channel: string, entries: string[], expiresAt: number) {
    if (entries.length === 0) return
    const key = this.#key(channel)
    await redis
      .multi()
      .zadd(key, ...entries.flatMap((entry) => [expiresAt, entry]))
      .pexpireat(key, expiresAt)
      .exec()
  }

  async remove(channel: string, entry: string) {
    await redis.zrem(this.#key(channel), entry)
  }

  async prune(channel: string, now: number) {
    return (await redis.zremrangebyscore(this.#key(channel), '-inf', now)) > 0
  }

  async list(channel: string, now: number) {
    return redis.zrangebyscore(this.#key(channel), now, '+inf')
  }
}

/** In this process's memory: enough when one process serves every browser. */
class MemoryPresenceStore implements PresenceStore {
  #channels = new Map<string, Map<string, number>>()

  async put(channel: string, entries: string[], expiresAt: number) {
    let held = this.#channels.get(channel)
    if (!held) this.#channels.set(channel, (held = new Map()))
    for (const entry of entries) held.set(entry, expiresAt)
  }

  async remove(channel: string, entry: string) {
    const held = this.#channels.get(channel)
    held?.delete(entry)
    if (held?.size === 0) this.#channels.delete(channel)
  }

  async prune(channel: string, now: number) {
    const held = this.#channels.get(channel)
    let pruned = false
    for (const [entry, expiresAt] of held ?? []) {
      if (expiresAt > now) continue
      held!.delete(entry)
      pruned = true
    }
    if (held?.size === 0) this.#channels.delete(channel)
    return pruned
  }

  async list(channel: string, now: number) {
    const held = this.#channels.get(channel) ?? new Map<string, number>()
    return [...held].filter(([, expiresAt]) => expiresAt > now).map(([entry]) => entry)
  }
}

/** The store of this deployment: Redis when configured, else this process's memory. */
export const presenceStore: PresenceStore = redisConfigured
  ? new RedisPresenceStore()
  : new MemoryPresenceStore()
