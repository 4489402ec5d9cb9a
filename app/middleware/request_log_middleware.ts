import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * The URL without the secrets some routes carry in their path (a password reset token). The query
 * string (signatures of verification links) is never logged.
 */
function redactSecrets(url: string, params: Record<string, unknown> | undefined): string {
  const token = params?.token
  return typeof token === 'string' && token.length > 0 ? url.replace(token, '[redacted]') : url
}

/**
 * Echoes the request id in the X-Request-Id response header and writes one structured log line per
 * request (method, URL, status, duration in ms) through the request's logger, which carries the id.
 */
export default class RequestLogMiddleware {
  async handle({ request, response, logger, params }: HttpContext, next: NextFn) {
    const startedAt = process.hrtime.bigint()
    const requestId = request.id()
    if (requestId) response.header('X-Request-Id', requestId)

    try {
      await next()
    } finally {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6
      logger.info(
        {
          method: request.method(),
          url: redactSecrets(request.url(), params),
          status: response.getStatus(),
          durationMs: Math.round(durationMs * 100) / 100,
        },
        'request completed'
      )
    }
  }
}
