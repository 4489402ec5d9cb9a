import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import { defineConfig, drivers } from '@adonisjs/queue'
import { exponentialBackoff } from '@boringnode/queue'
import { redisConfigured } from '#config/redis'

/*
|--------------------------------------------------------------------------
| Background jobs
|--------------------------------------------------------------------------
|
| Jobs are stored where they survive a restart: in Redis when it is
| configured, else in the database (the queue_jobs table, on SQLite or
| PostgreSQL). QUEUE_DRIVER chooses explicitly; "sync" runs each job in
| the process that enqueues it (the tests' default). Both stores keep a job
| whose worker died too often as failed, never deleting it
| (app/queue/durable_*_adapter.ts). Completed and failed jobs stay until
| pruned (completed, after QUEUE_KEEP_COMPLETED_DAYS) or discarded
| (failed, by staff in the admin).
|
*/

/** The engine jobs are stored in. */
export type QueueDriver = 'database' | 'redis' | 'sync'

export const queueDriver: QueueDriver =
  env.get('QUEUE_DRIVER') ?? (app.inTest ? 'sync' : redisConfigured ? 'redis' : 'database')

/** Days a completed job is kept for the admin's list before the pruning task deletes it. */
export const keepCompletedDays = env.get('QUEUE_KEEP_COMPLETED_DAYS', 7)

const queueConfig = defineConfig({
  default: queueDriver,

  adapters: {
    database: configProvider.create(async (resolver) => {
      const db = await resolver.container.make('lucid.db')
      const { DurableKnexAdapter } = await import('#queue/durable_knex_adapter')
      return () => new DurableKnexAdapter(db.connection().getWriteClient())
    }),
    redis: configProvider.create(async (resolver) => {
      const redis = await resolver.container.make('redis')
      const { DurableRedisAdapter } = await import('#queue/durable_redis_adapter')
      return () => new DurableRedisAdapter(redis.connection().ioConnection)
    }),
    sync: drivers.sync(),
  },

  /** Every job: kept when it completes or fails; a failure retried 5 times, backing off. */
  defaultJobOptions: {
    removeOnComplete: false,
    removeOnFail: false,
  },
  retry: {
    maxRetries: 5,
    backoff: exponentialBackoff({ baseDelay: '10s', maxDelay: '30m', multiplier: 3, jitter: true }),
  },

  worker: {
    concurrency: env.get('QUEUE_CONCURRENCY', 4),
    idleDelay: '1s',
    /** A job whose worker stops renewing its claim for this long is run again. */
    stalledThreshold: env.get('QUEUE_STALLED_AFTER', '60s'),
    stalledInterval: env.get('QUEUE_STALLED_CHECK_EVERY', '15s'),
    /** The third time a job's worker dies under it, the job is failed (and kept). */
    maxStalledCount: 2,
    /** Atrium's worker command stops the worker on SIGTERM itself, before the app shuts down. */
    gracefulShutdown: false,
  },

  /** The tests add jobs of their own (tests/jobs), to drive real workers. */
  locations: [
    app.makePath('app/jobs/**/*.{ts,js}'),
    ...(app.inTest ? [app.makePath('tests/jobs/**/*.ts')] : []),
  ],
})

export default queueConfig
