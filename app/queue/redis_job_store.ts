import type { Redis } from 'ioredis'
import { hydrateRedisJob } from '@boringnode/queue/drivers/redis_job_storage'
import { JOB_STATES, type JobState, type JobStore, type StoredJob } from '#queue/job_store'
import {
  OVERLAY_LAST_ERROR,
  OVERLAY_PROGRESS,
  absolutePrefix,
  redisQueueKeyList,
  redisQueueKeys,
} from '#queue/redis_queue_keys'
import {
  DISCARD_JOBS_SCRIPT,
  FIND_JOB_SCRIPT,
  LIST_JOBS_SCRIPT,
  PRUNE_COMPLETED_SCRIPT,
  RETRY_FAILED_JOBS_SCRIPT,
  SET_OVERLAY_FIELD_SCRIPT,
} from '#queue/redis_job_store_scripts'

/** A job as the store's scripts return it: the library's raw parts. */
type RawJob = {
  id: string
  state: JobState
  data: string
  overlay?: string
  /** Running jobs: { workerId, acquiredAt }. */
  active?: string
  /** Delayed jobs: when they become due. */
  runAt?: string
  /** Finished jobs: { finishedAt, error? }. */
  record?: string
  sortKey?: string
}

/** How many completed jobs one pruning script deletes at most, so Redis is never held long. */
const PRUNE_BATCH = 500

/**
 * Keys one SCAN step looks at while finding the queues: Redis also holds sessions and rate
 * limits, so the steps are large to keep the round trips few.
 */
const SCAN_STEP = 10_000

/** cjson encodes an empty Lua table as an object. */
function asArray<T>(value: T[] | Record<string, never>): T[] {
  return Array.isArray(value) ? value : []
}

/** Glob characters of a SCAN pattern, escaped so a key prefix matches only itself. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&')
}

/** A job read from Redis as a stored job. */
function toStoredJob(queue: string, raw: RawJob): StoredJob {
  const job = hydrateRedisJob(raw.data, raw.overlay)
  const overlay = raw.overlay ? JSON.parse(raw.overlay) : {}
  const record = raw.record ? JSON.parse(raw.record) : {}
  const active = raw.active ? JSON.parse(raw.active) : null
  const progress = overlay[OVERLAY_PROGRESS]
  return {
    id: raw.id,
    queue,
    name: job.name,
    state: raw.state,
    payload: job.payload,
    attempts: job.attempts ?? 0,
    stalledCount: job.stalledCount ?? 0,
    progress: typeof progress === 'number' ? progress : null,
    error: overlay[OVERLAY_LAST_ERROR] ?? record.error ?? null,
    enqueuedAt: typeof job.createdAt === 'number' ? new Date(job.createdAt) : null,
    claimedAt: active ? new Date(Number(active.acquiredAt)) : null,
    runAt: raw.runAt ? new Date(Number(raw.runAt)) : null,
    finishedAt: record.finishedAt ? new Date(Number(record.finishedAt)) : null,
  }
}

/** What a list is ordered by: pending by score, running by claim time, the others by score. */
function sortKey(raw: RawJob): number {
  if (raw.state === 'active') return Number(raw.active ? JSON.parse(raw.active).acquiredAt : 0)
  return Number(raw.sortKey)
}

/**
 * The jobs of the queue on Redis, in the queue library's own keys (`redisQueueKeys`), with
 * Atrium's progress and last error kept in each job's overlay. Every queue that has jobs is
 * read (found by its data hash). The enqueue time is the `createdAt` the library's dispatcher
 * stamps on each job (null for a job pushed without one).
 */
export class RedisJobStore implements JobStore {
  constructor(private connection: Redis) {}

  /** The queues that have jobs in Redis. */
  async queues(): Promise<string[]> {
    const prefix = `${absolutePrefix(this.connection)}jobs::`
    const suffix = '::data'
    const names = new Set<string>()
    let cursor = '0'
    do {
      const [next, keys] = await this.connection.scan(
        cursor,
        'MATCH',
        `${escapeGlob(prefix)}*${suffix}`,
        'COUNT',
        SCAN_STEP
      )
      cursor = next
      for (const key of keys) names.add(key.slice(prefix.length, -suffix.length))
    } while (cursor !== '0')
    const queues = [...names].sort()
    // A deduplication pointer could be named like a data hash; data hashes are hashes.
    const types = await Promise.all(
      queues.map((queue) => this.connection.type(redisQueueKeys(queue).data))
    )
    return queues.filter((_, index) => types[index] === 'hash')
  }

  #eval(script: string, queue: string, ...args: (string | number)[]) {
    const keys = redisQueueKeyList(queue)
    return this.connection.eval(script, keys.length, ...keys, ...args.map(String))
  }

  #dedupPrefix(queue: string): string {
    return absolutePrefix(this.connection) + redisQueueKeys(queue).dedupPrefix
  }

  async counts() {
    const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<
      JobState,
      number
    >
    for (const queue of await this.queues()) {
      const keys = redisQueueKeys(queue)
      const results = await this.connection
        .multi()
        .zcard(keys.pending)
        .zcard(keys.delayed)
        .hlen(keys.active)
        .zcard(keys.failedIndex)
        .zcard(keys.completedIndex)
        .exec()
      const [pending, delayed, active, failed, completed] = (results ?? []).map(
        ([error, value]) => {
          if (error) throw error
          return Number(value)
        }
      )
      counts.pending += pending
      counts.delayed += delayed
      counts.active += active
      counts.failed += failed
      counts.completed += completed
    }
    return counts
  }

  async list(state: JobState, page: number, perPage: number) {
    const offset = (page - 1) * perPage
    const entries: { queue: string; raw: RawJob }[] = []
    let total = 0
    for (const queue of await this.queues()) {
      const result = await this.#eval(LIST_JOBS_SCRIPT, queue, state, offset + perPage)
      const { total: queueTotal, jobs } = JSON.parse(String(result))
      total += Number(queueTotal)
      for (const raw of asArray<RawJob>(jobs)) entries.push({ queue, raw })
    }
    const direction = state === 'pending' ? 1 : -1
    entries.sort((a, b) => {
      const byKey = sortKey(a.raw) - sortKey(b.raw)
      if (byKey !== 0) return direction * byKey
      return direction * (a.raw.id < b.raw.id ? -1 : a.raw.id > b.raw.id ? 1 : 0)
    })
    const jobs = entries
      .slice(offset, offset + perPage)
      .map(({ queue, raw }) => toStoredJob(queue, raw))
    return { jobs, total }
  }

  async find(id: string) {
    for (const queue of await this.queues()) {
      const result = await this.#eval(FIND_JOB_SCRIPT, queue, id)
      if (result) return toStoredJob(queue, JSON.parse(String(result)))
    }
    return null
  }

  async retry(ids: string[]) {
    if (ids.length === 0) return 0
    let retried = 0
    for (const queue of await this.queues()) {
      retried += Number(await this.#eval(RETRY_FAILED_JOBS_SCRIPT, queue, Date.now(), ...ids))
    }
    return retried
  }

  async discard(ids: string[]) {
    if (ids.length === 0) return 0
    let discarded = 0
    for (const queue of await this.queues()) {
      const dedupPrefix = this.#dedupPrefix(queue)
      discarded += Number(await this.#eval(DISCARD_JOBS_SCRIPT, queue, dedupPrefix, ...ids))
    }
    return discarded
  }

  async pruneCompleted(before: Date) {
    let pruned = 0
    for (const queue of await this.queues()) {
      const dedupPrefix = this.#dedupPrefix(queue)
      let batch: number
      do {
        batch = Number(
          await this.#eval(
            PRUNE_COMPLETED_SCRIPT,
            queue,
            before.getTime(),
            PRUNE_BATCH,
            dedupPrefix
          )
        )
        pruned += batch
      } while (batch === PRUNE_BATCH)
    }
    return pruned
  }

  async setProgress(id: string, queue: string, progress: number) {
    await this.#eval(SET_OVERLAY_FIELD_SCRIPT, queue, id, OVERLAY_PROGRESS, progress, 'number')
  }

  async recordError(id: string, queue: string, message: string) {
    await this.#eval(SET_OVERLAY_FIELD_SCRIPT, queue, id, OVERLAY_LAST_ERROR, message, 'string')
  }
}
