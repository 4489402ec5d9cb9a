import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import type { LimiterResponse } from '@adonisjs/limiter'
import apiConfig from '#config/api'

/**
 * The rate limit headers of the IETF draft (RateLimit-Limit, -Remaining, -Reset in seconds), as
 * most API gateways send them.
 */
export function rateLimitHeaders(
  response: Pick<LimiterResponse, 'limit' | 'remaining' | 'availableIn'>
) {
  return {
    'RateLimit-Limit': String(response.limit),
    'RateLimit-Remaining': String(Math.max(0, response.remaining)),
    'RateLimit-Reset': String(response.availableIn),
  }
}

/**
 * Counts one API call against its caller's budget: per token, per user for the app's own pages,
 * per IP for anonymous calls; in the limiter's store, so the budget holds across processes (Redis
 * when configured). Sets the RateLimit headers; over budget, throws 429 with Retry-After.
 */
export async function consumeApiBudget(ctx: HttpContext, caller: string | null) {
  const policy = caller ? apiConfig.rateLimits.authenticated : apiConfig.rateLimits.anonymous
  const budget = limiter.use({ requests: policy.requests, duration: policy.duration })
  const response = await budget.consume(caller ? `api:${caller}` : `api:ip:${ctx.request.ip()}`)
  for (const [name, value] of Object.entries(rateLimitHeaders(response))) {
    ctx.response.header(name, value)
  }
}
