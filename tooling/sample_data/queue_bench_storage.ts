import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { JOBS_TABLE } from '#queue/durable_knex_adapter'
import type { QueueDriver } from '#config/queue'

/** The finished jobs of a queue: counts, and the first and last finishing times (epoch ms). */
export type FinishedJobs = {
  completed: number
  failed: number
  firstAt: number | null
  lastAt: number | null
}

/** The earliest and latest of finishing times that may be missing. */
function span(times: (number | null)[]): { firstAt: number | null; lastAt: number | null } {
  const known = times.filter((time): time is number => time !== null)
  return known.length === 0
    ? { firstAt: null, lastAt: null }
    : { firstAt: Math.min(...known), lastAt: Math.max(...known) }
}

/** The jobs of one queue as the benchmark counts and clears them, on one engine. */
export type QueueBenchStorage = {
  /** Jobs stored in the queue, whatever their state. */
  stored(): Promise<number>
  /** Jobs that completed and jobs that failed for good, and when the first and last finished. */
  finished(): Promise<FinishedJobs>
  /** Deletes every job of the queue, finished or not. */
  clear(): Promise<void>
}

/** The keys of a queue in Redis, as the queue library names them ("jobs::<queue>::…"). */
function redisKeys(queue: string) {
  const base = `jobs::${queue}`
  return {
    data: `${base}::data`,
    completed: `${base}::completed::index`,
    failed: `${base}::failed::index`,
    pattern: `${base}::*`,
  }
}

function databaseStorage(queue: string): QueueBenchStorage {
  const jobs = () => db.from(JOBS_TABLE).where('queue', queue)
  return {
    async stored() {
      const row = await jobs().count('* as total').first()
      return Number(row?.total ?? 0)
    },
    async finished() {
      const rows = await jobs()
        .whereIn('status', ['completed', 'failed'])
        .select('status')
        .count('* as total')
        .min('finished_at as first_at')
        .max('finished_at as last_at')
        .groupBy('status')
      const count = (status: string) =>
        Number(rows.find((row) => row.status === status)?.total ?? 0)
      const time = (value: unknown) => (value === null ? null : Number(value))
      return {
        completed: count('completed'),
        failed: count('failed'),
        ...span(rows.flatMap((row) => [time(row.first_at), time(row.last_at)])),
      }
    },
    async clear() {
      await jobs().delete()
    },
  }
}

function redisStorage(queue: string): QueueBenchStorage {
  const keys = redisKeys(queue)
  const connection = () => redis.connection().ioConnection
  return {
    stored: () => connection().hlen(keys.data),
    async finished() {
      const client = connection()
      const [completed, failed, ...ends] = await Promise.all([
        client.zcard(keys.completed),
        client.zcard(keys.failed),
        ...[keys.completed, keys.failed].flatMap((key) => [
          client.zrange(key, 0, 0, 'WITHSCORES'),
          client.zrange(key, -1, -1, 'WITHSCORES'),
        ]),
      ])
      // The indexes are scored by finishing time: [id, score] at each end.
      const times = (ends as string[][]).map((end) => (end.length === 2 ? Number(end[1]) : null))
      return { completed, failed, ...span(times) }
    },
    async clear() {
      let cursor = '0'
      do {
        const [next, found] = await connection().scan(cursor, 'MATCH', keys.pattern, 'COUNT', 500)
        if (found.length > 0) await connection().del(...found)
        cursor = next
      } while (cursor !== '0')
    },
  }
}

/** How the benchmark reads and clears `queue` on the engine `driver`. */
export function queueBenchStorage(driver: Exclude<QueueDriver, 'sync'>, queue: string) {
  return driver === 'redis' ? redisStorage(queue) : databaseStorage(queue)
}
