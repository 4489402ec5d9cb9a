import type { HttpContext } from '@adonisjs/core/http'

/**
 * Gives the API its JSON body exactly as sent. The body parser turns empty strings into null for
 * the pages' forms; through the API, `{"name": ""}` must be refused as an empty name, not read as
 * "no change" (an optional field ignores null).
 */
export function keepBodyAsSent(ctx: HttpContext) {
  const raw = ctx.request.raw()
  if (!raw) return
  const body = JSON.parse(raw)
  if (body !== null && typeof body === 'object') ctx.request.updateBody(body)
}
