import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import { trustProxy } from '#services/http/trust_proxy'
import { serializeJSON } from '#services/http/serialize_json'

/** The application key: signs cookies and encrypts data. Keep it secret, 32+ characters. */
export const appKey = env.get('APP_KEY')

/** The public URL of the application, used when building absolute links. */
export const appUrl = env.get('APP_URL')

/*
|--------------------------------------------------------------------------
| HTTP server
|--------------------------------------------------------------------------
|
| Every request gets an id (X-Request-Id, or a fresh one) that appears in
| its log lines. "trustProxy" decides whose X-Forwarded-* headers count:
| see TRUSTED_PROXIES in README. Routes are matched by a tree, most specific
| first (a fixed segment before a parameter, a parameter before the catch-all
| that answers unknown URLs), whatever order they were registered in.
| JSON responses and Inertia page objects are written by native
| JSON.stringify (see app/services/http/serialize_json.ts).
|
*/
export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  trustProxy: trustProxy(env.get('TRUSTED_PROXIES')),
  router: { matcher: 'tree', precedence: 'specificity' },
  serializeJSON,

  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
