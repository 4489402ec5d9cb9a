import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ApiException } from '#api/api_exception'
import { isApiRequest } from '#api/stateless'

/** `application/json` and its `+json` kin (`application/merge-patch+json`). */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i

/**
 * Refuses an API request whose body is not JSON (415), before the body parser reads it: a form or
 * a multipart upload sent to the API is answered, not parsed (and never written to disk).
 */
export default class ApiBodyMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    if (!isApiRequest(ctx) || !hasBody(ctx)) return next()
    const type = ctx.request.header('content-type') ?? ''
    if (!JSON_MEDIA_TYPE.test(type)) {
      throw new ApiException(
        415,
        'Send the request body as JSON (Content-Type: application/json).',
        {
          headers: { 'Accept-Post': 'application/json', 'Accept-Patch': 'application/json' },
        }
      )
    }
    return next()
  }
}

function hasBody(ctx: HttpContext) {
  const length = Number(ctx.request.header('content-length') ?? 0)
  return length > 0 || ctx.request.header('transfer-encoding') !== undefined
}
