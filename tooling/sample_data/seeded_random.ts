/**
 * A small, fast pseudo-random generator (mulberry32) for generated data: the same seeds always
 * give the same sequence, on every machine and Node version. Not for secrets.
 */
export class SeededRandom {
  #state: number

  /** Seeds from one or more integers: `new SeededRandom(2026, projectIndex)`. */
  constructor(...seeds: number[]) {
    let state = 0x9e3779b9
    for (const seed of seeds) {
      state = Math.imul(state ^ (seed >>> 0), 0x85ebca6b)
      state ^= state >>> 13
      state = Math.imul(state, 0xc2b2ae35)
      state ^= state >>> 16
    }
    this.#state = state >>> 0
  }

  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let value = this.#state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }

  /** An integer between `min` and `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability `probability`. */
  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** One value, each as likely as its weight: `weighted([['todo', 4], ['done', 3]])`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, weight] of entries) total += weight
    let roll = this.next() * total
    for (const [value, weight] of entries) {
      roll -= weight
      if (roll < 0) return value
    }
    return entries[entries.length - 1][0]
  }

  /** `count` distinct elements of `items`, in random order (a partial Fisher–Yates shuffle). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items]
    const size = Math.min(count, pool.length)
    for (let index = 0; index < size; index++) {
      const other = index + Math.floor(this.next() * (pool.length - index))
      ;[pool[index], pool[other]] = [pool[other], pool[index]]
    }
    return pool.slice(0, size)
  }
}
