import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'
import { mainConnection, redisConfigured } from '#config/redis'

/*
|--------------------------------------------------------------------------
| Live pages (server-sent events)
|--------------------------------------------------------------------------
|
| Each app process holds the streams of the browsers connected to it. With
| Redis configured, every change is also published there, so a browser
| connected to any process receives it; without Redis, one process works
| alone. A ping every 15 seconds keeps proxies from closing an idle stream
| and lets a process notice a browser that went away.
|
*/

export default defineConfig({
  pingInterval: '15s',
  transport: redisConfigured
    ? { driver: redis({ ...mainConnection, lazyConnect: false }), channel: 'atrium:live' }
    : null,
})
