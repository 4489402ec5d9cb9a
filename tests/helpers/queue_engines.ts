import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { KnexAdapter } from '@boringnode/queue/drivers/knex_adapter'
import { RedisAdapter } from '@boringnode/queue/drivers/redis_adapter'
import type { Adapter, JobData } from '@boringnode/queue/types'
import { redisConfigured } from '#config/redis'
import type { JobStore } from '#queue/job_store'
import { DatabaseJobStore } from '#queue/database_job_store'
import { RedisJobStore } from '#queue/redis_job_store'
import { DurableRedisAdapter } from '#queue/durable_redis_adapter'
import { DurableKnexAdapter, JOBS_TABLE, SCHEDULES_TABLE } from '#queue/durable_knex_adapter'

/** The engines a queue can run on, each tested when the run has it. */
export type QueueEngineName = 'database' | 'redis'

/**
 * The engines of this run: the database always (SQLite or PostgreSQL, as the run is configured),
 * Redis when the run is configured with it (REDIS_HOST or REDIS_URL, as CI's PostgreSQL+Redis
 * pass is).
 */
export const QUEUE_ENGINES: QueueEngineName[] = redisConfigured
  ? ['database', 'redis']
  : ['database']

/** Redis database the queue tests write to, away from the app's. */
const TEST_REDIS_DB = 14

/**
 * A queue engine with nothing in it: Atrium's adapter, the library's stock adapter on the same
 * storage (to show what Atrium's changes), and Atrium's job store. `close` empties it again.
 */
export type QueueEngine = {
  adapter: Adapter
  stockAdapter: Adapter
  store: JobStore
  close(): Promise<void>
}

async function databaseEngine(): Promise<QueueEngine> {
  const connection = db.connection().getWriteClient()
  await db.from(JOBS_TABLE).delete()
  return {
    adapter: new DurableKnexAdapter(connection),
    stockAdapter: new KnexAdapter({
      connection,
      tableName: JOBS_TABLE,
      schedulesTableName: SCHEDULES_TABLE,
    }),
    store: new DatabaseJobStore(),
    close: async () => {
      await db.from(JOBS_TABLE).delete()
    },
  }
}

/** On the configured Redis server, in its own database, under a key prefix of its own. */
async function redisEngine(): Promise<QueueEngine> {
  const { host, port, password } = redis.connection().ioConnection.options
  const keyPrefix = `atrium-queue-test:${randomUUID()}:`
  const connection = new Redis({ host, port, password, db: TEST_REDIS_DB, keyPrefix })
  return {
    adapter: new DurableRedisAdapter(connection),
    stockAdapter: new RedisAdapter(connection, false),
    store: new RedisJobStore(connection),
    close: async () => {
      let cursor = '0'
      do {
        const [next, keys] = await connection.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000)
        cursor = next
        // ioredis prefixes the keys of DEL itself.
        if (keys.length > 0) await connection.del(...keys.map((key) => key.slice(keyPrefix.length)))
      } while (cursor !== '0')
      await connection.quit()
    },
  }
}

/** An empty engine of that name. */
export function queueEngine(name: QueueEngineName): Promise<QueueEngine> {
  return name === 'redis' ? redisEngine() : databaseEngine()
}

/** A job as the library's dispatcher makes it, with a fresh id. */
export function jobData(payload: unknown = {}): JobData {
  return { id: randomUUID(), name: 'ContractJob', payload, attempts: 0, createdAt: Date.now() }
}

/** Lets the clock move on, so two steps never share a millisecond. */
export function tick() {
  return new Promise((resolve) => setTimeout(resolve, 3))
}
