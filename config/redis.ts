import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'

/*
|--------------------------------------------------------------------------
| Redis
|--------------------------------------------------------------------------
|
| Used only when a feature is pointed at it (LIMITER_STORE=redis).
| Connections open lazily, so an app without Redis never dials it.
|
*/
const redisUrl = env.get('REDIS_URL')

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
