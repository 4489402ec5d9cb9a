import redis from '@adonisjs/redis/services/main'
import { queueDriver, type QueueDriver } from '#config/queue'
import type { JobStore } from '#queue/job_store'
import { DatabaseJobStore } from '#queue/database_job_store'
import { RedisJobStore } from '#queue/redis_job_store'

let store: JobStore | undefined

/** The store of the engine jobs run on (QUEUE_DRIVER): the database's, or Redis'. */
export function jobStore(): JobStore {
  store ??= storeFor(queueDriver)
  return store
}

/** A store of the engine a driver keeps its jobs in (`sync` jobs run at once; none are kept). */
export function storeFor(driver: QueueDriver): JobStore {
  switch (driver) {
    case 'redis':
      return new RedisJobStore(redis.connection().ioConnection)
    case 'database':
    case 'sync':
      return new DatabaseJobStore()
  }
}
