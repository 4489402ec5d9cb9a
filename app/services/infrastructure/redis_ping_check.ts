import { BaseCheck, Result } from '@adonisjs/core/health'
import redis from '@adonisjs/redis/services/main'

/** How long Redis gets to answer before the check fails. */
const TIMEOUT_MS = 2000

/**
 * Readiness of Redis: a PING answered within two seconds. Unlike the stock check, it opens the
 * connection itself when nothing has used it yet (connections open lazily), so a process that
 * just started reports ready instead of "unable to connect".
 */
export class RedisPingCheck extends BaseCheck {
  name = 'Redis health check (main)'

  /**
   * How to get the connection to ping: the app's main one unless told otherwise, the very one
   * the session store and the rate limiter hold (it reconnects forever, see config/redis.ts), so
   * the check fails exactly while they do.
   */
  constructor(private connection: () => { ping(): Promise<unknown> } = () => redis.connection()) {
    super()
  }

  async run() {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)
    })
    try {
      await Promise.race([this.connection().ping(), timeout])
      return Result.ok('Redis answered PING')
    } catch (error) {
      return Result.failed(`Redis did not answer PING: ${(error as Error).message}`)
    } finally {
      clearTimeout(timer)
    }
  }
}
