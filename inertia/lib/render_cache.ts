/**
 * Remembers the server render of pages that are the same for every visitor who sees them with
 * the same page object: the guest pages (login, sign-up…). A bounded map, oldest out first, and
 * each render is kept only for `ttlMs`, so nothing that reads the clock goes stale for long.
 */
export class RenderCache<Result> {
  #entries = new Map<string, { result: Promise<Result>; expiresAt: number }>()

  constructor(private options: { maxEntries: number; ttlMs: number; now?: () => number }) {}

  /** The remembered render for `key`, or a new one from `render` (remembered if it succeeds). */
  get(key: string, render: () => Promise<Result>): Promise<Result> {
    const now = (this.options.now ?? Date.now)()
    const cached = this.#entries.get(key)
    if (cached && cached.expiresAt > now) return cached.result

    const result = render()
    this.#entries.delete(key)
    this.#entries.set(key, { result, expiresAt: now + this.options.ttlMs })
    result.catch(() => this.#entries.delete(key))
    if (this.#entries.size > this.options.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!)
    }
    return result
  }

  get size(): number {
    return this.#entries.size
  }
}
