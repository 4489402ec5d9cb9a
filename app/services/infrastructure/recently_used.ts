/**
 * A map of at most `limit` entries that drops the least recently used one to make room: the
 * bound of the per-connection statement caches. Reading an entry makes it the most recent.
 */
export class RecentlyUsed<Value> {
  #entries = new Map<string, Value>()

  constructor(readonly limit: number) {}

  /** How many entries it holds. */
  get size(): number {
    return this.#entries.size
  }

  /** The value under `key`, now the most recently used, or undefined. */
  get(key: string): Value | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, value)
    return value
  }

  /** Stores a value as the most recently used; returns the one it dropped to stay in bounds. */
  set(key: string, value: Value): Value | undefined {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    if (this.#entries.size <= this.limit) return undefined
    const [oldestKey, oldest] = this.#entries.entries().next().value!
    this.#entries.delete(oldestKey)
    return oldest
  }

  /** Removes `key`; returns its value, or undefined when it was not there. */
  delete(key: string): Value | undefined {
    const value = this.#entries.get(key)
    this.#entries.delete(key)
    return value
  }
}
