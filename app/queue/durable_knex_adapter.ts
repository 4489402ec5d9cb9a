import type { Knex } from 'knex'
import { KnexAdapter } from '@boringnode/queue/drivers/knex_adapter'
import { stalledError } from '#queue/stalled'

/** The tables of the queue on the database. */
export const JOBS_TABLE = 'queue_jobs'
export const SCHEDULES_TABLE = 'queue_schedules'

/** Lower is sooner; the library's default priority and its weight in the order score. */
const DEFAULT_PRIORITY = 5
const PRIORITY_WEIGHT = 1e13

/** The order score of a job of `priority` made ready at `now`, as the library computes it. */
export function readyScore(priority: number | undefined, now: number): number {
  return (priority ?? DEFAULT_PRIORITY) * PRIORITY_WEIGHT + now
}

/**
 * The queue library's database adapter, with one change: a job whose worker died more often than
 * the limit is kept as failed, with the reason, instead of being deleted (the library deletes it,
 * so a job that keeps killing its worker vanishes without a trace).
 */
export class DurableKnexAdapter extends KnexAdapter {
  #connection: Knex

  constructor(connection: Knex) {
    super({ connection, tableName: JOBS_TABLE, schedulesTableName: SCHEDULES_TABLE })
    this.#connection = connection
  }

  /** PostgreSQL skips rows another worker holds; SQLite has one writer at a time. */
  #skipsLocked() {
    return this.#connection.client.config.client === 'pg'
  }

  async recoverStalledJobs(queue: string, stalledThreshold: number, maxStalledCount: number) {
    const now = Date.now()
    return this.#connection.transaction(async (trx) => {
      let query = trx(JOBS_TABLE)
        .where('queue', queue)
        .where('status', 'active')
        .where('acquired_at', '<', now - stalledThreshold)
        .select('id', 'data')
      if (this.#skipsLocked()) query = query.forUpdate().skipLocked()

      let recovered = 0
      for (const row of await query) {
        const job = JSON.parse(row.data)
        const stalledCount = (job.stalledCount ?? 0) + 1
        const where = { id: row.id, queue, status: 'active' }
        if (stalledCount > maxStalledCount) {
          const message = stalledError(stalledCount)
          await trx(JOBS_TABLE)
            .where(where)
            .update({
              status: 'failed',
              data: JSON.stringify({ ...job, stalledCount }),
              worker_id: null,
              acquired_at: null,
              finished_at: now,
              error: message,
              last_error: message,
            })
          continue
        }
        await trx(JOBS_TABLE)
          .where(where)
          .update({
            status: 'pending',
            data: JSON.stringify({ ...job, stalledCount }),
            worker_id: null,
            acquired_at: null,
            score: readyScore(job.priority, now),
          })
        recovered++
      }
      return recovered
    })
  }
}
