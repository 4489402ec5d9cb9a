import { RecentlyUsed } from './recently_used.js'

/**
 * The names of one PostgreSQL connection's prepared statements, by SQL text. A text gets a name
 * the second time it runs (a text seen once, such as a `whereIn` of an unusual length, is never
 * prepared), at most `limit` texts keep one (the least recently used gives its name up), and a
 * name is never given to another text. Names given up wait in `stale` until the connection can
 * deallocate them.
 */
export class StatementNames {
  #names: RecentlyUsed<string>
  #seenOnce: RecentlyUsed<true>
  #stale: string[] = []
  #count = 0

  constructor(limit: number) {
    this.#names = new RecentlyUsed(limit)
    this.#seenOnce = new RecentlyUsed(limit * 4)
  }

  /** The name to run `sql` under, or undefined to run it unnamed this time. */
  nameFor(sql: string): string | undefined {
    const name = this.#names.get(sql)
    if (name !== undefined) return name
    if (this.#seenOnce.delete(sql) === undefined) {
      this.#seenOnce.set(sql, true)
      return undefined
    }

    const fresh = `atrium_${++this.#count}`
    const dropped = this.#names.set(sql, fresh)
    if (dropped !== undefined) this.#stale.push(dropped)
    return fresh
  }

  /** Gives up the name of `sql` (its plan went stale): its next runs prepare it afresh. */
  forget(sql: string): void {
    const name = this.#names.delete(sql)
    if (name !== undefined) this.#stale.push(name)
  }

  /** The names given up since the last call, to deallocate. */
  takeStale(): string[] {
    return this.#stale.splice(0)
  }
}
