import pg from 'pg'
import type { CeilingDatabase, Row, Statement } from './database.ts'

/** `?` placeholders as PostgreSQL's `$1`, `$2`… */
export function numberedPlaceholders(sql: string): string {
  let index = 0
  return sql.replace(/\?/g, () => `$${++index}`)
}

const texts = new Map<string, string>()

function textOf(statement: Statement): string {
  let text = texts.get(statement.name)
  if (!text) texts.set(statement.name, (text = numberedPlaceholders(statement.pg ?? statement.sql)))
  return text
}

type Queryable = pg.Pool | pg.PoolClient

/** Named statements through a client or the pool: each connection parses and plans them once. */
class PgDatabase implements CeilingDatabase {
  readonly dialect = 'pg' as const
  #client: Queryable
  #pool: pg.Pool

  constructor(pool: pg.Pool, client: Queryable = pool) {
    this.#pool = pool
    this.#client = client
  }

  async all(statement: Statement, values: unknown[]): Promise<Row[]> {
    const result = await this.#client.query({
      name: statement.name,
      text: textOf(statement),
      values,
    })
    return result.rows
  }

  async transaction<T>(work: (db: CeilingDatabase) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect()
    try {
      await client.query('begin')
      const result = await work(new PgDatabase(this.#pool, client))
      await client.query('commit')
      return result
    } catch (error) {
      await client.query('rollback')
      throw error
    } finally {
      client.release()
    }
  }

  list(ids: number[]): unknown {
    return ids
  }

  timestamp(date: Date): unknown {
    return date
  }

  close() {
    return this.#pool.end()
  }
}

/** The ceiling's PostgreSQL database: a pool of `max` connections, as Atrium's. */
export function pgDatabase(config: pg.PoolConfig): CeilingDatabase {
  return new PgDatabase(new pg.Pool(config))
}
