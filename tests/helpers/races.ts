import type { ApiResponse } from '@japa/api-client'

/**
 * Sends `count` requests at once (each built by `send`) and waits for every answer: the way a
 * double click, a retrying proxy or an impatient script races the server on one action.
 */
export function race(count: number, send: (index: number) => PromiseLike<ApiResponse>) {
  return Promise.all(Array.from({ length: count }, (_, index) => send(index)))
}

/**
 * What a form's answer said, in one comparable line: the status and the flashed success, error
 * or field errors ("302 success: Label created", "302 errors: {"name":["…"]}").
 */
export function outcomeOf(response: ApiResponse): string {
  const flash = response.flashMessages() as Record<string, unknown>
  if (flash.inputErrorsBag) {
    return `${response.status()} errors: ${JSON.stringify(flash.inputErrorsBag)}`
  }
  if (flash.error) return `${response.status()} error: ${flash.error}`
  if (flash.success) return `${response.status()} success`
  return `${response.status()}`
}

/** How many answers said each thing, e.g. `{ "302 success": 1, "302 errors: …": 19 }`. */
export function tally(responses: ApiResponse[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const response of responses) {
    const outcome = outcomeOf(response)
    counts[outcome] = (counts[outcome] ?? 0) + 1
  }
  return counts
}
