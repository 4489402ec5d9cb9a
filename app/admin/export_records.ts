import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'

/** Where a background export is: waiting for a worker, being written, ready, or failed. */
export type ExportStatus = 'pending' | 'running' | 'done' | 'failed'

/** One background export of a change list (a row of `admin_exports`). */
export type AdminExportRecord = {
  id: string
  userId: number
  /** The admin's slug: "tasks". */
  model: string
  /** The change list's query string (search, filters, sort) when the export was asked for. */
  query: Record<string, string>
  /** The name the file downloads as. */
  filename: string
  status: ExportStatus
  jobId: string | null
  /** The rows the finished file holds. */
  rows: number | null
  rowsDone: number
  rowsTotal: number | null
  error: string | null
  createdAt: Date
  finishedAt: Date | null
  expiresAt: Date | null
}

const TABLE = 'admin_exports'

/** A uuid, as export ids are: anything else names no export and reaches no query. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A timestamp as the database driver returns it (a Date, or epoch ms or text on SQLite). */
function dateOf(value: unknown): Date | null {
  if (value === null || value === undefined) return null
  return value instanceof Date ? value : new Date(value as string | number)
}

function recordOf(row: Record<string, any>): AdminExportRecord {
  return {
    id: row.id,
    userId: Number(row.user_id),
    model: row.model,
    query: JSON.parse(row.query),
    filename: row.filename,
    status: row.status,
    jobId: row.job_id ?? null,
    rows: row.rows === null ? null : Number(row.rows),
    rowsDone: Number(row.rows_done),
    rowsTotal: row.rows_total === null ? null : Number(row.rows_total),
    error: row.error ?? null,
    createdAt: dateOf(row.created_at)!,
    finishedAt: dateOf(row.finished_at),
    expiresAt: dateOf(row.expires_at),
  }
}

/** The same query string whatever the order its parameters came in, to compare two exports. */
function canonicalQuery(query: Record<string, string>): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))
  )
}

/** The `admin_exports` table: the background exports of change lists and where each one is. */
export const adminExports = {
  /** Records a new export, pending until its job starts. Returns it. */
  async create(input: {
    userId: number
    model: string
    query: Record<string, string>
    filename: string
  }): Promise<AdminExportRecord> {
    const id = randomUUID()
    await db.table(TABLE).insert({
      id,
      user_id: input.userId,
      model: input.model,
      query: canonicalQuery(input.query),
      filename: input.filename,
      status: 'pending',
      rows_done: 0,
      created_at: new Date(),
    })
    return (await this.find(id))!
  },

  async find(id: string): Promise<AdminExportRecord | null> {
    if (!UUID.test(id)) return null
    const row = await db.from(TABLE).where('id', id).first()
    return row ? recordOf(row) : null
  },

  /** The export `id` if `userId` asked for it; null for anybody else's. */
  async findOwned(id: string, userId: number): Promise<AdminExportRecord | null> {
    const record = await this.find(id)
    return record?.userId === userId ? record : null
  },

  /** The user's latest exports, newest first. */
  async recentOf(userId: number, limit = 20): Promise<AdminExportRecord[]> {
    const rows = await db
      .from(TABLE)
      .where('user_id', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
    return rows.map(recordOf)
  },

  /** The user's pending or running exports of the same model and query string. */
  async unfinishedLike(
    userId: number,
    model: string,
    query: Record<string, string>
  ): Promise<AdminExportRecord[]> {
    const rows = await db
      .from(TABLE)
      .where({ user_id: userId, model, query: canonicalQuery(query) })
      .whereIn('status', ['pending', 'running'])
    return rows.map(recordOf)
  },

  /** The job has started on the export: `total` rows to write (0 written so far). */
  async markRunning(id: string, jobId: string, total: number) {
    await db
      .from(TABLE)
      .where('id', id)
      .update({ status: 'running', job_id: jobId, rows_done: 0, rows_total: total, error: null })
  },

  async markProgress(id: string, done: number) {
    await db.from(TABLE).where('id', id).update({ rows_done: done })
  },

  /** The file is written with `rows` rows, downloadable until `expiresAt`. */
  async markDone(id: string, rows: number, expiresAt: Date) {
    await db.from(TABLE).where('id', id).update({
      status: 'done',
      rows,
      rows_done: rows,
      finished_at: new Date(),
      expires_at: expiresAt,
    })
  },

  async markFailed(id: string, error: string) {
    await db
      .from(TABLE)
      .where('id', id)
      .update({ status: 'failed', error: error.slice(0, 2000), finished_at: new Date() })
  },

  /** Exports whose download time ended before `now`. */
  async expiredBefore(now: Date): Promise<AdminExportRecord[]> {
    const rows = await db.from(TABLE).where('expires_at', '<', now).limit(1000)
    return rows.map(recordOf)
  },

  /** Exports that expired before `before`, or that never finished and were asked for before it. */
  async staleBefore(before: Date): Promise<AdminExportRecord[]> {
    const rows = await db
      .from(TABLE)
      .where('expires_at', '<', before)
      .orWhere((unfinished) =>
        unfinished.whereNot('status', 'done').where('created_at', '<', before)
      )
      .limit(1000)
    return rows.map(recordOf)
  },

  async delete(ids: string[]) {
    if (ids.length > 0) await db.from(TABLE).whereIn('id', ids).delete()
  },
}
