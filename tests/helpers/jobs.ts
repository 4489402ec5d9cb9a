import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { queueDriver } from '#config/queue'
import { DurableKnexAdapter } from '#queue/durable_knex_adapter'
import { DurableRedisAdapter } from '#queue/durable_redis_adapter'
import { jobStore } from '#queue/job_stores'
import type { JobState, StoredJob } from '#queue/job_store'

/** What a test job is made of; every field has a plain default. */
export type TestJob = {
  name?: string
  payload?: unknown
  queue?: string
  /** Attempts already made, as the queue writes them in the job's data. */
  attempts?: number
  /** The error of a failed or delayed job. */
  error?: string
  /** The progress of an active job, 0 to 1. */
  progress?: number
}

/**
 * The adapter of the engine the admin reads (QUEUE_DRIVER), as a worker would use it: Redis', or
 * the database's over the test's transaction (the tests' 'sync' driver keeps jobs there too).
 */
function adapter() {
  return queueDriver === 'redis'
    ? new DurableRedisAdapter(redis.connection().ioConnection)
    : new DurableKnexAdapter(db.connection().getWriteClient())
}

/**
 * Empties the queue on Redis before a test, when the run keeps jobs there (QUEUE_DRIVER=redis, on
 * a Redis database of the test run's own); on the database, the test's transaction does it.
 */
export async function emptyTestQueue() {
  if (queueDriver !== 'redis') return
  const connection = redis.connection().ioConnection
  let cursor = '0'
  do {
    const [next, keys] = await connection.scan(cursor, 'MATCH', 'jobs::*', 'COUNT', 1000)
    cursor = next
    if (keys.length > 0) await connection.del(...keys)
  } while (cursor !== '0')
}

/** Pushes a job and, unless it should stay pending, claims it as a worker would. */
async function claimed(job: TestJob, claim: boolean) {
  const queue = job.queue ?? 'default'
  const id = randomUUID()
  const queueAdapter = adapter()
  // Priority 0 puts it before any job left pending, so the claim below takes this one.
  await queueAdapter.pushOn(queue, {
    id,
    name: job.name ?? 'ExportJob',
    payload: job.payload ?? {},
    attempts: job.attempts ?? 0,
    priority: claim ? 0 : undefined,
    createdAt: Date.now(),
  })
  if (claim) {
    const popped = await queueAdapter.popFrom(queue)
    if (popped?.id !== id) throw new Error(`Claimed the job ${popped?.id}, not ${id}`)
  }
  return { id, queue, queueAdapter }
}

/**
 * A job in `state`, made through the queue's own adapter: pushed, then claimed, failed, put back
 * for a retry in an hour, or completed. Returns the job as the admin's store reads it.
 */
export async function jobIn(state: JobState, job: TestJob = {}): Promise<StoredJob> {
  const { id, queue, queueAdapter } = await claimed(job, state !== 'pending')
  if (job.error) await jobStore().recordError(id, queue, job.error)
  if (state === 'active' && job.progress !== undefined) {
    await jobStore().setProgress(id, queue, job.progress)
  }
  if (state === 'failed') await queueAdapter.failJob(id, queue, new Error(job.error), false)
  if (state === 'completed') await queueAdapter.completeJob(id, queue, false)
  if (state === 'delayed') {
    await queueAdapter.retryJob(id, queue, new Date(Date.now() + 60 * 60 * 1000))
  }
  const stored = await jobStore().find(id)
  if (stored?.state !== state) throw new Error(`The job ${id} is ${stored?.state}, not ${state}`)
  return stored
}

/** The job `id` as the store reads it now, or null once it is gone. */
export function storedJob(id: string): Promise<StoredJob | null> {
  return jobStore().find(id)
}

/** The state of the job `id` now, or null once it is gone. */
export async function stateOf(id: string): Promise<JobState | null> {
  const job = await jobStore().find(id)
  return job?.state ?? null
}
