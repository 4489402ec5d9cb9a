import { RecentlyUsed } from './recently_used.js'

/** What the cache needs of a better-sqlite3 statement. */
interface SqliteStatement {
  /** True while an iterator is reading its rows: it cannot run again until then. */
  busy: boolean
  safeIntegers(toggle?: boolean): unknown
}

/** What the cache needs of a better-sqlite3 `Database` (a knex pool connection). */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement
}

/**
 * Makes a better-sqlite3 connection reuse its prepared statements: knex prepares every query's
 * text anew, and this keeps the `limit` most recently used statements of the connection by text,
 * so a repeated query skips SQLite's parse and plan. Call it on each new connection (the pool's
 * `afterCreate`). A statement being iterated is not handed out twice, and knex's per-query
 * `safeIntegers` option is reset on reuse. Code that takes the raw connection and changes a
 * statement's modes (`raw`, `pluck`, `expand`) must prepare its own.
 */
export function cacheStatements(database: SqliteConnection, limit: number): void {
  if (limit <= 0) return
  const statements = new RecentlyUsed<SqliteStatement>(limit)
  const prepare = database.prepare.bind(database)

  database.prepare = (sql: string) => {
    const cached = statements.get(sql)
    if (cached && !cached.busy) {
      cached.safeIntegers(false)
      return cached
    }
    const statement = prepare(sql)
    statements.set(sql, statement)
    return statement
  }
}
