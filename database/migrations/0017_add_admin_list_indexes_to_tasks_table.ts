import { BaseSchema } from '@adonisjs/lucid/schema'

const INDEX = 'tasks_title_trgm_index'

/**
 * The admin searches task titles with `lower(title) like '%term%'`, which no b-tree index serves:
 * counting the matches of a search (up to 10,000) reads most of a large table. On PostgreSQL a
 * trigram index on `lower(title)` finds them instead (the pg_trgm extension, trusted since
 * PostgreSQL 13, so the database owner may create it). Skipped where pg_trgm is not installed
 * with the server, and on SQLite, which has no such index.
 */
export default class extends BaseSchema {
  protected tableName = 'tasks'

  async up() {
    if (this.db.dialect.name !== 'postgres') return
    this.defer(async (db) => {
      const available = await db.rawQuery(
        "select 1 from pg_available_extensions where name = 'pg_trgm'"
      )
      if (available.rows.length === 0) return
      await db.rawQuery('create extension if not exists pg_trgm')
      await db.rawQuery(
        `create index if not exists ${INDEX} on ${this.tableName} using gin (lower(title) gin_trgm_ops)`
      )
      // Statistics on lower(title), so the planner sees how many rows a search matches.
      await db.rawQuery(`analyze ${this.tableName}`)
    })
  }

  async down() {
    if (this.db.dialect.name !== 'postgres') return
    this.defer(async (db) => {
      await db.rawQuery(`drop index if exists ${INDEX}`)
    })
  }
}
