import env from '#start/env'

/*
|--------------------------------------------------------------------------
| JSON API (/api/v1)
|--------------------------------------------------------------------------
|
| Rate limits per token (or per signed-in user of the app's own pages) and
| per IP for calls without one, counted in the limiter's store (Redis when
| configured). Lists page at most `maxPerPage` rows. Idempotency keys are
| remembered for a day.
|
*/
const apiConfig = {
  rateLimits: {
    authenticated: {
      requests: env.get('API_RATE_LIMIT', 600),
      duration: '1 min',
    },
    anonymous: {
      requests: env.get('API_ANONYMOUS_RATE_LIMIT', 60),
      duration: '1 min',
    },
  },
  defaultPerPage: 25,
  maxPerPage: 100,
  idempotencyKeyTtlHours: 24,
}

export default apiConfig
