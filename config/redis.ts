import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'

/*
|--------------------------------------------------------------------------
| Redis
|--------------------------------------------------------------------------
|
| With REDIS_URL or REDIS_HOST set, sessions and rate limits live here
| (SESSION_DRIVER and LIMITER_STORE can still choose otherwise).
| Connections open lazily, so an app without Redis never dials it.
|
*/
const redisUrl = env.get('REDIS_URL')

/**
 * Whether this deployment has Redis (REDIS_URL or REDIS_HOST). Then sessions and rate limits live
 * there by default, so app processes keep no state of their own and can be added at will.
 */
export const redisConfigured = Boolean(redisUrl || env.get('REDIS_HOST'))

const redisConfig = defineConfig({
  connection: 'main',

  connections: {
    main: {
      ...(redisUrl
        ? { host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) }
        : { host: env.get('REDIS_HOST', '127.0.0.1'), port: env.get('REDIS_PORT', 6379) }),
      password: redisUrl
        ? decodeURIComponent(new URL(redisUrl).password) || undefined
        : env.get('REDIS_PASSWORD'),
      db: redisUrl ? Number(new URL(redisUrl).pathname.slice(1) || 0) : 0,
      keyPrefix: '',
      lazyConnect: true,
      retryStrategy(times) {
        return times > 10 ? null : times * 50
      },
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
