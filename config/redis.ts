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
| Outages end by themselves: the connection retries forever (every second
| at most), so the one connection that the session store, the rate limiter
| and readiness share is never closed for good. While Redis is down, a
| command waits for two reconnection attempts or two seconds at most, then
| fails, and the request answers 503 instead of hanging.
|
*/

/** The longest wait between two reconnection attempts, in milliseconds. */
const MAX_RECONNECT_DELAY_MS = 1000

/** How long a command may wait for Redis (queued while reconnecting, or unanswered). */
const COMMAND_TIMEOUT_MS = 2000

/**
 * How long to wait before reconnection attempt number `attempt` (from 1): 100 ms more each
 * time, capped at a second. It never returns null, which would close the connection for good.
 */
export function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS)
}

const redisUrl = env.get('REDIS_URL')

/**
 * Whether this deployment has Redis (REDIS_URL or REDIS_HOST). Then sessions and rate limits live
 * there by default, so app processes keep no state of their own and can be added at will.
 */
export const redisConfigured = Boolean(redisUrl || env.get('REDIS_HOST'))

/** The options of the main connection, also used by the live pages' fan-out (config/transmit.ts). */
export const mainConnection = {
  ...(redisUrl
    ? { host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) }
    : { host: env.get('REDIS_HOST', '127.0.0.1'), port: env.get('REDIS_PORT', 6379) }),
  password: redisUrl
    ? decodeURIComponent(new URL(redisUrl).password) || undefined
    : env.get('REDIS_PASSWORD'),
  db: redisUrl ? Number(new URL(redisUrl).pathname.slice(1) || 0) : 0,
  keyPrefix: '',
  lazyConnect: true,
  retryStrategy: reconnectDelay,
  maxRetriesPerRequest: 1,
  connectTimeout: COMMAND_TIMEOUT_MS,
  commandTimeout: COMMAND_TIMEOUT_MS,
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: { main: mainConnection },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
