import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'
import { redisConfigured } from '#config/redis'

/*
|--------------------------------------------------------------------------
| Session
|--------------------------------------------------------------------------
|
| The session cookie is httpOnly, sameSite=lax, and secure in production.
| Its store is chosen by SESSION_DRIVER: Redis when configured, else the
| cookie itself (signed and encrypted). Either way any app process can
| serve any request.
|
*/
/** The name of the session cookie (the API tells session calls from stateless ones by it). */
export const SESSION_COOKIE = 'atrium-session'

const sessionConfig = defineConfig({
  enabled: true,
  cookieName: SESSION_COOKIE,
  clearWithBrowser: false,
  age: '2h',

  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },

  store: env.get('SESSION_DRIVER') ?? (redisConfigured ? 'redis' : 'cookie'),

  stores: {
    cookie: stores.cookie(),
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
