import env from '#start/env'
import { defineConfig } from '@adonisjs/cors'
import { parseCorsOrigins } from '#api/cors_origins'

/*
|--------------------------------------------------------------------------
| CORS: third-party browser apps calling the JSON API
|--------------------------------------------------------------------------
|
| Off by default. API_CORS_ORIGINS lists the origins whose pages may call
| /api from the browser (app/middleware/api_cors_middleware.ts; the app's
| own pages never answer CORS). They authenticate with a bearer token
| only: cookies are not allowed cross-origin (credentials: false). A
| preflight is answered with the methods and headers the API reads, and
| answers expose the headers a client needs to follow the protocol.
|
*/

/** The allowed origins, read on every request (a test may replace `allowed` and restore it). */
export const apiCorsOrigins = { allowed: parseCorsOrigins(env.get('API_CORS_ORIGINS')) }

const corsConfig = defineConfig({
  enabled: () => apiCorsOrigins.allowed.length > 0,
  origin: (origin) => apiCorsOrigins.allowed.includes(origin),
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'],
  exposeHeaders: [
    'ETag',
    'Location',
    'RateLimit-Limit',
    'RateLimit-Remaining',
    'RateLimit-Reset',
    'Retry-After',
    'Idempotent-Replayed',
  ],
  credentials: false,
  maxAge: 600,
})

export default corsConfig
