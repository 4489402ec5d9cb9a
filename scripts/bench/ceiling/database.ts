/** A row as the driver returns it. */
export type Row = Record<string, any>

/**
 * A statement of the ceiling: a stable name and its SQL, with `?` placeholders, and PostgreSQL's
 * own SQL when it differs (a list parameter).
 */
export type Statement = { name: string; sql: string; pg?: string }

/**
 * The ceiling's access to the database: every statement is prepared once (a named statement on
 * PostgreSQL, a prepared statement on SQLite) and reused on every request.
 */
export interface CeilingDatabase {
  readonly dialect: 'pg' | 'sqlite'
  /** The rows of `statement` run with `values`. */
  all(statement: Statement, values: unknown[]): Promise<Row[]>
  /** Runs `work` in one transaction, committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (db: CeilingDatabase) => Promise<T>): Promise<T>
  /** A list of ids as one parameter (`= any(?)` on PostgreSQL, `json_each(?)` on SQLite). */
  list(ids: number[]): unknown
  /** A moment as the timestamp columns take it. */
  timestamp(date: Date): unknown
  close(): Promise<void>
}
