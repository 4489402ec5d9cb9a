import { STATUS_CODES } from 'node:http'
import { errors as vineErrors } from '@vinejs/vine'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { errors as httpErrors } from '@adonisjs/core/http'
import { errors as shieldErrors } from '@adonisjs/shield'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { errors as limiterErrors } from '@adonisjs/limiter'
import type { HttpContext } from '@adonisjs/core/http'
import { ApiException } from '#api/api_exception'
import { rateLimitHeaders } from '#api/rate_limit'
import type { FieldProblem, Problem } from '#api/problem'
import { ProjectNotFoundException } from '#services/projects/project_access'

/** A problem and the headers that go with it. */
export type ProblemAnswer = { problem: Problem; headers: Record<string, string> }

/** The challenge a 401 answers with: a bearer token, or the app's own session. */
const CHALLENGE = 'Bearer realm="api"'

function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, ...extra }
}

function fieldProblems(messages: unknown): FieldProblem[] {
  return (messages as { field: string; rule: string; message: string }[]).map((message) => ({
    field: message.field,
    rule: message.rule,
    message: message.message,
  }))
}

/**
 * The problem details (RFC 9457) an `/api` request gets for `error`: the status the error stands
 * for and a sentence a client developer can act on, never a stack trace, an HTML page or a
 * redirect. Statuses of 500 and above say only that the server failed.
 */
export function problemOf(error: unknown, ctx: HttpContext): ProblemAnswer {
  if (error instanceof ApiException) {
    return {
      problem: problem(error.status, error.message, {
        code: error.code,
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.current !== undefined ? { current: error.current } : {}),
      }),
      headers: error.headers,
    }
  }
  if (error instanceof vineErrors.E_VALIDATION_ERROR) {
    const errors = fieldProblems(error.messages)
    return {
      problem: problem(422, 'The request body has invalid fields.', { errors }),
      headers: {},
    }
  }
  if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS) {
    const sent = Boolean(ctx.request.header('authorization'))
    return {
      problem: problem(
        401,
        sent
          ? 'The access token is invalid, expired or revoked.'
          : 'Authenticate with a bearer token (Authorization: Bearer <token>).'
      ),
      headers: { 'WWW-Authenticate': sent ? `${CHALLENGE}, error="invalid_token"` : CHALLENGE },
    }
  }
  if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
    return {
      problem: problem(401, 'The email or password is incorrect.'),
      headers: { 'WWW-Authenticate': CHALLENGE },
    }
  }
  if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
    return { problem: problem(403, 'You are not allowed to do this.'), headers: {} }
  }
  if (error instanceof shieldErrors.E_BAD_CSRF_TOKEN) {
    return {
      problem: problem(
        403,
        'A request with the session cookie needs its CSRF token (X-XSRF-TOKEN header).'
      ),
      headers: {},
    }
  }
  if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
    return {
      problem: problem(
        429,
        `Too many requests. Try again in ${error.response.availableIn} seconds.`
      ),
      headers: {
        'Retry-After': String(error.response.availableIn),
        ...rateLimitHeaders(error.response),
      },
    }
  }
  if (
    error instanceof ProjectNotFoundException ||
    error instanceof lucidErrors.E_ROW_NOT_FOUND ||
    error instanceof httpErrors.E_ROUTE_NOT_FOUND
  ) {
    return { problem: problem(404, 'Not found.'), headers: {} }
  }

  const status = statusOf(error)
  if (status === 503) {
    return {
      problem: problem(503, 'A service the API depends on is unreachable. Try again shortly.'),
      headers: { 'Retry-After': '5' },
    }
  }
  if (status >= 500) return { problem: problem(500, 'The server failed.'), headers: {} }
  const code = (error as { code?: string }).code
  if (code === 'E_REQUEST_ENTITY_TOO_LARGE') {
    return { problem: problem(413, 'The request body is too large.'), headers: {} }
  }
  if (status === 400 || (status === 422 && !(error as { messages?: unknown }).messages)) {
    // The body parser's refusals: JSON that does not parse, or that is not an object or array.
    return { problem: problem(400, `Malformed request: ${(error as Error).message}`), headers: {} }
  }
  return { problem: problem(status, (error as Error).message, { code }), headers: {} }
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown }).status
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}
