import Database from 'better-sqlite3'
import { localDate } from './dates.ts'
import type { CeilingDatabase, Row, Statement } from './database.ts'

const pad = (value: number) => String(value).padStart(2, '0')

/** Prepared statements of better-sqlite3, kept by name, with Atrium's pragmas. */
class SqliteDatabase implements CeilingDatabase {
  readonly dialect = 'sqlite' as const
  #db: Database.Database
  #prepared = new Map<string, Database.Statement>()
  /** The transaction running on this connection, if any: the next one waits for it. */
  #writing: Promise<unknown> = Promise.resolve()

  constructor(file: string) {
    this.#db = new Database(file)
    this.#db.pragma('journal_mode = WAL')
    this.#db.pragma('foreign_keys = ON')
    this.#db.pragma('busy_timeout = 5000')
  }

  #statement(statement: Statement): Database.Statement {
    let prepared = this.#prepared.get(statement.name)
    if (!prepared) {
      prepared = this.#db.prepare(statement.sql)
      this.#prepared.set(statement.name, prepared)
    }
    return prepared
  }

  async all(statement: Statement, values: unknown[]): Promise<Row[]> {
    const prepared = this.#statement(statement)
    if (prepared.reader) return prepared.all(...values) as Row[]
    prepared.run(...values)
    return []
  }

  /**
   * Writes take SQLite's lock at the start (`begin immediate`). One connection serves the whole
   * worker, so its transactions run one after the other.
   */
  transaction<T>(work: (db: CeilingDatabase) => Promise<T>): Promise<T> {
    const run = this.#writing.then(() => this.#inTransaction(work))
    this.#writing = run.catch(() => {})
    return run
  }

  async #inTransaction<T>(work: (db: CeilingDatabase) => Promise<T>): Promise<T> {
    this.#db.exec('begin immediate')
    try {
      const result = await work(this)
      this.#db.exec('commit')
      return result
    } catch (error) {
      this.#db.exec('rollback')
      throw error
    }
  }

  list(ids: number[]): unknown {
    return JSON.stringify(ids)
  }

  /** As Lucid writes timestamps on SQLite: `yyyy-MM-dd HH:mm:ss`, local time. */
  timestamp(date: Date): unknown {
    const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
    return `${localDate(date)} ${time}`
  }

  async close() {
    this.#db.close()
  }
}

/** The ceiling's SQLite database, the file Atrium serves. */
export function sqliteDatabase(file: string): CeilingDatabase {
  return new SqliteDatabase(file)
}
