import app from '@adonisjs/core/services/app'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'

type HttpError = Parameters<ExceptionHandler['renderErrorAsJSON']>[0]

/**
 * Turns exceptions into responses. Pages get the SPA's own 403, 404 and 500 pages inside the app
 * layout, with the right status, in every environment; only development shows stack traces (for
 * 5xx). JSON clients get `{ errors: [{ message, code }] }`.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = app.inDev
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (_, { inertia }) => inertia.render('errors/forbidden', {}),
    '404': (_, { inertia }) => inertia.render('errors/not_found', {}),
    ...(app.inDev
      ? {}
      : {
          '500..599': (_: unknown, { inertia }: HttpContext) =>
            inertia.render('errors/server_error', {}),
        }),
  }

  /**
   * A throttled form (login, password reset) goes back to the page with the wait in a toast, the
   * typed input kept and the Retry-After header set. JSON clients get the plain 429.
   */
  async handle(error: unknown, ctx: HttpContext) {
    if (
      error instanceof limiterErrors.E_TOO_MANY_REQUESTS &&
      ctx.session &&
      ctx.request.accepts(['html', 'json']) !== 'json'
    ) {
      ctx.response.header('Retry-After', String(error.response.availableIn))
      ctx.session.flashExcept(['_csrf', 'password', 'passwordConfirmation', 'currentPassword'])
      ctx.session.flash('error', error.message)
      return ctx.response.redirect().back()
    }
    return super.handle(error, ctx)
  }

  async renderErrorAsJSON(error: HttpError, ctx: HttpContext) {
    if (this.isDebuggingEnabled(ctx)) return super.renderErrorAsJSON(error, ctx)
    const message = error.status >= 500 ? 'Internal server error' : error.message
    ctx.response.status(error.status).send({ errors: [{ message, code: error.code }] })
  }
}
