import { Exception } from '@adonisjs/core/exceptions'
import type { FieldProblem } from '#api/problem'

/**
 * An API refusal that carries its own problem details: a status, a sentence, and optionally the
 * refused fields, the current representation (412) and response headers (Allow, Retry-After).
 * Thrown by the API's own checks; the exception handler answers it as `application/problem+json`.
 */
export class ApiException extends Exception {
  readonly errors?: FieldProblem[]
  readonly current?: unknown
  readonly headers: Record<string, string>

  constructor(
    status: number,
    detail: string,
    options: {
      code?: string
      errors?: FieldProblem[]
      current?: unknown
      headers?: Record<string, string>
    } = {}
  ) {
    super(detail, { status, code: options.code })
    this.errors = options.errors
    this.current = options.current
    this.headers = options.headers ?? {}
  }
}
