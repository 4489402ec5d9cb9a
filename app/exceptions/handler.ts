import app from '@adonisjs/core/services/app'
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

  async renderErrorAsJSON(error: HttpError, ctx: HttpContext) {
    if (this.isDebuggingEnabled(ctx)) return super.renderErrorAsJSON(error, ctx)
    const message = error.status >= 500 ? 'Internal server error' : error.message
    ctx.response.status(error.status).send({ errors: [{ message, code: error.code }] })
  }
}
