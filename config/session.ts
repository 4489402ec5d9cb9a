import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/*
|--------------------------------------------------------------------------
| Session
|--------------------------------------------------------------------------
|
| The session cookie is httpOnly, sameSite=lax, and secure in production.
| Its store is chosen by SESSION_DRIVER.
|
*/
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'atrium-session',
  clearWithBrowser: false,
  age: '2h',

  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },

  store: env.get('SESSION_DRIVER'),

  stores: {
    cookie: stores.cookie(),
  },
})

export default sessionConfig
