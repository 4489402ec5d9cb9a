import { errors as vineErrors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { ApiException } from '#api/api_exception'
import type { FieldProblem } from '#api/problem'

/** A compiled VineJS validator of a query string, as the API reads it. */
type QueryValidator<Output> = {
  validate(data: unknown): Promise<Output>
  toJSONSchema(): { properties?: Record<string, unknown> }
}

/**
 * The query string of an API call, validated. A parameter the validator does not name is refused,
 * not ignored (a typo such as `?stauts=done` must not silently list everything), and so is a
 * value its rule refuses: both are a 400 naming each parameter.
 */
export async function validateQuery<Output>(
  ctx: HttpContext,
  validator: QueryValidator<Output>
): Promise<Output> {
  const query = ctx.request.qs()
  const known = Object.keys(validator.toJSONSchema().properties ?? {})
  const unknown = Object.keys(query).filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw new ApiException(400, 'The query string has parameters this endpoint does not know.', {
      errors: unknown.map((field) => ({
        field,
        rule: 'unknown',
        message: `Unknown parameter "${field}". Known: ${known.join(', ')}.`,
      })),
    })
  }
  try {
    return await validator.validate(query)
  } catch (error) {
    if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    throw new ApiException(400, 'The query string has invalid parameters.', {
      errors: (error.messages as FieldProblem[]).map(({ field, rule, message }) => ({
        field,
        rule,
        message,
      })),
    })
  }
}
