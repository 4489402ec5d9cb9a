import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Echoes the request id in the X-Request-Id response header and writes one structured log line per
 * request (method, URL, status, duration in ms) through the request's logger, which carries the id.
 */
export default class RequestLogMiddleware {
  async handle({ request, response, logger }: HttpContext, next: NextFn) {
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
          url: request.url(),
          status: response.getStatus(),
          durationMs: Math.round(durationMs * 100) / 100,
        },
        'request completed'
      )
    }
  }
}
