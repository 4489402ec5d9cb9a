import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/** How many seconds a client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5

/**
 * The database or Redis cannot be reached right now (the original error is the `cause`): 503
 * with Retry-After and a short message, as `{ errors: [...] }` for JSON clients and the SPA's
 * "temporarily unavailable" page for pages. Nothing about the failure itself is shown.
 */
export class ServiceUnavailableException extends Exception {
  static status = 503
  static code = 'E_SERVICE_UNAVAILABLE'
  static message = 'Atrium is briefly unavailable. Please try again in a few seconds.'

  async handle(error: this, ctx: HttpContext) {
    const { request, response } = ctx
    response.header('Retry-After', String(RETRY_AFTER_SECONDS))
    if (request.accepts(['html', 'json']) === 'json' || !ctx.inertia) {
      return response
        .status(error.status)
        .send({ errors: [{ message: error.message, code: error.code }] })
    }
    const page = await ctx.inertia.render('errors/service_unavailable', {})
    return response.status(error.status).send(page)
  }
}
