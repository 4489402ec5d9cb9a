import { setTimeout as sleep } from 'node:timers/promises'

/** What a wait is for: words, or a function asked only when the wait fails, to describe that moment. */
export type WaitingFor = string | (() => string | Promise<string>)

/**
 * Polls `check` every `everyMs` until it answers a truthy value, and returns that value. Past
 * `timeoutMs` it throws "Timed out after N ms waiting for <what>". `check` may throw to stop at once
 * (a process that exited, say).
 */
export async function eventually<T>(
  what: WaitingFor,
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, everyMs = 50 }: { timeoutMs?: number; everyMs?: number } = {}
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) {
      const described = typeof what === 'string' ? what : await what()
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${described}`)
    }
    await sleep(everyMs)
  }
}
