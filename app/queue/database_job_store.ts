import db from '@adonisjs/lucid/services/db'
import { JOBS_TABLE, readyScore } from '#queue/durable_knex_adapter'
import { JOB_STATES, type JobState, type JobStore, type StoredJob } from '#queue/job_store'

/** A bigint column as milliseconds (PostgreSQL returns them as strings), or null. */
function millis(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(Number(value))
}

/**
 * A timestamp column as a date. SQLite returns its default (CURRENT_TIMESTAMP) as UTC text without
 * a zone, which JavaScript would read as local time.
 */
function timestamp(value: unknown): Date | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value
  const text = String(value)
  return new Date(/(z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text.replace(' ', 'T')}Z`)
}

/** A row of the jobs table as a stored job. */
function toStoredJob(row: Record<string, any>): StoredJob {
  const data = JSON.parse(row.data)
  return {
    id: row.id,
    queue: row.queue,
    name: data.name,
    state: row.status,
    payload: data.payload,
    attempts: data.attempts ?? 0,
    stalledCount: data.stalledCount ?? 0,
    progress: row.progress === null ? null : Number(row.progress),
    error: row.last_error ?? row.error ?? null,
    enqueuedAt: timestamp(row.created_at),
    claimedAt: millis(row.acquired_at),
    runAt: millis(row.execute_at),
    finishedAt: millis(row.finished_at),
  }
}

/** The newest-first order of each state's list. */
const ORDER: Record<JobState, string> = {
  pending: 'score',
  delayed: 'execute_at',
  active: 'acquired_at',
  failed: 'finished_at',
  completed: 'finished_at',
}

/** The jobs of the queue on the database (SQLite or PostgreSQL). */
export class DatabaseJobStore implements JobStore {
  #table() {
    return db.from(JOBS_TABLE)
  }

  async counts() {
    const rows = await this.#table().select('status').count('* as total').groupBy('status')
    const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<
      JobState,
      number
    >
    for (const row of rows) counts[row.status as JobState] = Number(row.total)
    return counts
  }

  async list(state: JobState, page: number, perPage: number) {
    const direction = state === 'pending' ? 'asc' : 'desc'
    const [rows, total] = await Promise.all([
      this.#table()
        .where('status', state)
        .orderBy(ORDER[state], direction)
        .orderBy('id', direction)
        .limit(perPage)
        .offset((page - 1) * perPage),
      this.#table().where('status', state).count('* as total').first(),
    ])
    return { jobs: rows.map(toStoredJob), total: Number(total?.total ?? 0) }
  }

  async find(id: string) {
    const row = await this.#table().where('id', id).first()
    return row ? toStoredJob(row) : null
  }

  async retry(ids: string[]) {
    if (ids.length === 0) return 0
    return db.transaction(async (trx) => {
      const rows = await trx.from(JOBS_TABLE).whereIn('id', ids).where('status', 'failed')
      const now = Date.now()
      for (const row of rows) {
        const data = JSON.parse(row.data)
        await trx
          .from(JOBS_TABLE)
          .where({ id: row.id, queue: row.queue, status: 'failed' })
          .update({
            status: 'pending',
            data: JSON.stringify({ ...data, attempts: 0, stalledCount: 0 }),
            score: readyScore(data.priority, now),
            finished_at: null,
            error: null,
            last_error: null,
            progress: null,
          })
      }
      return rows.length
    })
  }

  async discard(ids: string[]) {
    if (ids.length === 0) return 0
    const deleted = await this.#table().whereIn('id', ids).whereNot('status', 'active').delete()
    return Number(deleted)
  }

  async pruneCompleted(before: Date) {
    const deleted = await this.#table()
      .where('status', 'completed')
      .where('finished_at', '<', before.getTime())
      .delete()
    return Number(deleted)
  }

  async setProgress(id: string, queue: string, progress: number) {
    await this.#table().where({ id, queue }).update({ progress })
  }

  async recordError(id: string, queue: string, message: string) {
    await this.#table().where({ id, queue }).update({ last_error: message })
  }
}
