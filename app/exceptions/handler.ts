import app from '@adonisjs/core/services/app'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as shieldErrors } from '@adonisjs/shield'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { takenError, takenOf } from '#validators/taken'
import { isServiceOutage } from '#services/infrastructure/service_outage'
import { ServiceUnavailableException } from '#exceptions/service_unavailable_exception'
import { isApiRequest } from '#api/stateless'
import { problemOf } from '#api/problems'
import { sendProblem } from '#api/problem'

type HttpError = Parameters<ExceptionHandler['renderErrorAsJSON']>[0]
type ValidationError = Parameters<ExceptionHandler['renderValidationErrorAsHTML']>[0]

/** Fields never written back into the session, whatever the failure. */
const SENSITIVE_INPUTS = [
  '_csrf',
  '_method',
  'password',
  'passwordConfirmation',
  'currentPassword',
  'password_confirmation',
  'code',
  'recoveryCode',
]

/** What a person reads when a form cannot be accepted as sent. */
const MESSAGES = {
  csrf: 'This form expired. Your input is kept: please send it again.',
  credentials: 'The email or password is incorrect.',
  forbidden: 'You are not allowed to do this.',
}

/**
 * Turns exceptions into responses. Pages get the SPA's own 403, 404 and 500 pages inside the app
 * layout, with the right status, in every environment; only development shows stack traces (for
 * 5xx). Form failures (validation, expired CSRF token, wrong password, forbidden, throttling) go
 * back to the form with a message and the typed input, passwords excepted. A write that a unique
 * index refused (the loser of a race) is answered as the form's own check would have answered it
 * a moment later. `/api` requests get RFC 9457 problem details (app/api/problems.ts). JSON clients get `{ errors: [{ message, code }] }`. When the database or Redis
 * cannot be reached, any request gets a short 503 instead (see ServiceUnavailableException),
 * logged as a warning.
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

  async handle(error: unknown, ctx: HttpContext) {
    if (isApiRequest(ctx)) return this.renderProblem(error, ctx)
    if (isServiceOutage(error)) {
      return super.handle(new ServiceUnavailableException(undefined, { cause: error }), ctx)
    }
    const taken = takenOf(error)
    if (taken) return super.handle(takenError(taken), ctx)
    if (ctx.session && ctx.request.accepts(['html', 'json']) !== 'json') {
      if (error instanceof shieldErrors.E_BAD_CSRF_TOKEN) {
        return this.backToForm(ctx, MESSAGES.csrf)
      }
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
        return this.backToForm(ctx, MESSAGES.credentials)
      }
      if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
        if (['GET', 'HEAD'].includes(ctx.request.method())) {
          const page = await ctx.inertia.render('errors/forbidden', {})
          return ctx.response.status(403).send(page)
        }
        return this.backToForm(ctx, MESSAGES.forbidden)
      }
      if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
        ctx.response.header('Retry-After', String(error.response.availableIn))
        return this.backToForm(ctx, error.message)
      }
    }
    return super.handle(error, ctx)
  }

  /**
   * A race's loser is answered like a refused form (see `handle`): nothing to log. An outage is a
   * warning, not an error per request.
   */
  async report(error: unknown, ctx: HttpContext) {
    if (takenOf(error)) return
    if (!isServiceOutage(error)) return super.report(error, ctx)
    ctx.logger.warn({ err: error, ...this.context(ctx) }, 'a backing service is unreachable')
  }

  /**
   * Back to the form with the message under each field. A refused query string (a GET) has no
   * form to show it on: its first message is also the error toast.
   */
  async renderValidationErrorAsHTML(error: ValidationError, ctx: HttpContext) {
    if (!ctx.session) return super.renderValidationErrorAsHTML(error, ctx)
    ctx.session.flashValidationErrors(error, false)
    const [first] = error.messages as { message: string }[]
    if (['GET', 'HEAD'].includes(ctx.request.method()) && first) {
      ctx.session.flash('error', first.message)
    }
    if (!ctx.request.header('X-Inertia')) ctx.session.flashExcept(SENSITIVE_INPUTS)
    return ctx.response.redirect().back()
  }

  async renderErrorAsJSON(error: HttpError, ctx: HttpContext) {
    if (this.isDebuggingEnabled(ctx)) return super.renderErrorAsJSON(error, ctx)
    const message = error.status >= 500 ? 'Internal server error' : error.message
    ctx.response.status(error.status).send({ errors: [{ message, code: error.code }] })
  }

  /**
   * An `/api` request's error, as RFC 9457 problem details whatever the exception: an outage is a
   * 503 and a race's loser the 422 its own check would have given.
   */
  private renderProblem(error: unknown, ctx: HttpContext) {
    const taken = takenOf(error)
    const cause = isServiceOutage(error)
      ? new ServiceUnavailableException(undefined, { cause: error })
      : taken
        ? takenError(taken)
        : error
    const { problem, headers } = problemOf(cause, ctx)
    for (const [name, value] of Object.entries(headers)) ctx.response.header(name, value)
    sendProblem(ctx, problem)
  }

  /** Back to the form: the message as an error toast, the input (no secrets) flashed. */
  private backToForm(ctx: HttpContext, message: string) {
    ctx.session.flashExcept(SENSITIVE_INPUTS)
    ctx.session.flash('error', message)
    return ctx.response.redirect().back()
  }
}
