import type { HttpContext } from '@adonisjs/core/http'

/** The media type of every error an `/api` route answers (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json'

/** One refused field of a request, in a 422 problem. */
export type FieldProblem = {
  /** The field's path in the body or query string, dotted for nested fields: `labelIds.0`. */
  field: string
  /** The rule that refused it: `required`, `maxLength`, `exists`... */
  rule: string
  message: string
}

/**
 * An error as RFC 9457 problem details. `type` is `about:blank` unless the problem has its own
 * page; `title` is the status's reason phrase; `detail` says what went wrong in this request.
 * 422 adds `errors` (one per field); 412 adds `current`, the representation that is there now.
 */
export type Problem = {
  type: string
  title: string
  status: number
  detail: string
  code?: string
  errors?: FieldProblem[]
  current?: unknown
}

/** Sends `problem` with its status and media type. */
export function sendProblem(ctx: HttpContext, problem: Problem) {
  ctx.response.status(problem.status)
  ctx.response.header('Content-Type', `${PROBLEM_MEDIA_TYPE}; charset=utf-8`)
  ctx.response.send(JSON.stringify(problem))
}
