import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import CorsMiddleware from '@adonisjs/cors/cors_middleware'
import corsConfig, { apiCorsOrigins } from '#config/cors'
import { isApiRequest } from '#api/stateless'

const REQUEST_HEADERS = 'access-control-request-headers'

/**
 * CORS for `/api` only (config/cors.ts): answers the preflight of an allowed origin and marks its
 * answers readable. Runs before routing, since a preflight matches no route. Any other path, the
 * app's pages included, passes untouched: no CORS header ever.
 */
export default class ApiCorsMiddleware {
  #cors = new CorsMiddleware(corsConfig)

  handle(ctx: HttpContext, next: NextFn) {
    if (!isApiRequest(ctx)) return next()
    // An answer that depends on Origin must say so to caches.
    if (apiCorsOrigins.allowed.length > 0) ctx.response.vary('Origin')
    // `authorization, content-type` (with spaces, as some clients write it) names the same
    // headers as `authorization,content-type`; the CORS middleware compares them untrimmed.
    const requested = ctx.request.header(REQUEST_HEADERS)
    if (requested) {
      ctx.request.request.headers[REQUEST_HEADERS] = requested
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
        .join(',')
    }
    return this.#cors.handle(ctx, next)
  }
}
