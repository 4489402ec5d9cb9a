import type { Redis } from 'ioredis'
import { RedisAdapter } from '@boringnode/queue/drivers/redis_adapter'

/** The queue library's Redis adapter (stalled-job handling made durable in its own change). */
export class DurableRedisAdapter extends RedisAdapter {
  constructor(connection: Redis) {
    super(connection, false)
  }
}
