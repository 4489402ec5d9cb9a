import { StatementNames } from '#services/infrastructure/pg_statement_names'

type Callback = (error: Error | null, result?: unknown) => void

/** A query as node-postgres takes it: text and values, optionally a name. */
type QueryConfig = { text: string; values: unknown[]; name?: string }

/** What the decorator needs of a node-postgres `Client` (a knex pool connection). */
export interface PgConnection {
  query(config: unknown, ...rest: unknown[]): unknown
  getTransactionStatus(): string | null
  readyForQuery: boolean
  /** node-postgres keeps here the names it has parsed on the connection (no public API). */
  connection: { parsedStatements: Record<string, string> }
}

/** SQLSTATE of "cached plan must not change result type": a table's columns changed. */
const FEATURE_NOT_SUPPORTED = '0A000'

/** Whether the query is one knex sends: text, at least one value, no name, a callback. */
function isNameable(config: unknown, rest: unknown[]): config is QueryConfig {
  if (typeof config !== 'object' || config === null || rest.length !== 1) return false
  const { text, values, name, submit } = config as QueryConfig & { submit?: unknown }
  return (
    typeof rest[0] === 'function' &&
    submit === undefined &&
    name === undefined &&
    typeof text === 'string' &&
    Array.isArray(values) &&
    values.length > 0
  )
}

function isStalePlan(error: Error | null): boolean {
  return (
    (error as { code?: string } | null)?.code === FEATURE_NOT_SUPPORTED &&
    error!.message.includes('cached plan')
  )
}

/**
 * Makes a node-postgres connection run its repeated statements as named (prepared) statements:
 * PostgreSQL then parses and plans a text once per connection, not on every run. Call it on
 * each new connection (the pool's `afterCreate`); every query knex sends with values is
 * concerned, whatever built it. See `StatementNames` for which texts are named and how many.
 *
 * Names given up are deallocated before a later query, when the connection is idle outside a
 * transaction (a failed DEALLOCATE must not abort one); names that never parsed are just dropped.
 * A statement whose result columns changed (a migration added a column to a `select *`) is
 * forgotten, and run again unnamed when it failed outside a transaction; inside one the error
 * stands, as after any failed statement, and the next run prepares it afresh.
 * Behind a transaction-mode pooler that does not track prepared statements, turn it off (limit 0).
 */
export function nameRepeatedStatements(client: PgConnection, limit: number): void {
  if (limit <= 0) return
  const names = new StatementNames(limit)
  const query = client.query.bind(client)
  const parsed = client.connection.parsedStatements

  const deallocateStale = () => {
    const stale = names.takeStale().filter((name) => parsed[name] !== undefined)
    if (stale.length === 0) return
    const sql = stale.map((name) => `deallocate ${name}`).join('; ')
    query(sql, () => {
      for (const name of stale) delete parsed[name]
    })
  }

  client.query = (config: unknown, ...rest: unknown[]) => {
    if (!isNameable(config, rest)) return query(config, ...rest)

    const idle = client.readyForQuery && client.getTransactionStatus() === 'I'
    if (idle) deallocateStale()
    const name = names.nameFor(config.text)
    if (name === undefined) return query(config, ...rest)

    const done = rest[0] as Callback
    return query({ ...config, name }, (error: Error | null, result?: unknown) => {
      if (isStalePlan(error)) {
        names.forget(config.text)
        if (idle) return query(config, done)
      }
      done(error, result)
    })
  }
}
