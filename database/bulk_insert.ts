import { setImmediate as nextTurn } from 'node:timers/promises'
import type { StrictValues } from '@adonisjs/lucid/types/querybuilder'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** A value of one column of one inserted row. */
export type BulkValue = string | number | boolean | null

/** Bound parameters one statement may carry: SQLite's compiled-in limit, PostgreSQL's protocol one. */
const PARAMETER_LIMITS: Record<string, number> = {
  'better-sqlite3': 32766,
  'sqlite3': 32766,
  'libsql': 32766,
  'postgres': 65535,
}

/**
 * At most this many rows per statement, however few columns: on SQLite 1,000-row statements
 * measured faster than 4,000-row ones, and PostgreSQL does the same with either.
 */
const MAX_ROWS_PER_STATEMENT = 1000

/** How many rows of `columns` columns one INSERT may carry on the connection of `client`. */
export function rowsPerStatement(client: QueryClientContract, columns: number): number {
  const limit = PARAMETER_LIMITS[client.dialect.name]
  if (!limit) {
    throw new Error(
      `Bulk inserts support SQLite and PostgreSQL, not the "${client.dialect.name}" dialect`
    )
  }
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(limit / columns)))
}

/**
 * Inserts `rows` (arrays of values in the order of `columns`) with multi-row INSERT statements,
 * as many rows per statement as the dialect's bound-parameter limit allows, up to 1,000. No
 * models, no hooks: the caller writes whatever the models' hooks would have (activity entries,
 * timestamps). Run it inside a transaction so that the statements commit together.
 */
export async function bulkInsert(
  client: QueryClientContract,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly BulkValue[])[]
): Promise<void> {
  await insertInStatements(client, table, columns, rows, '')
}

/**
 * Like {@link bulkInsert}, and resolves to the new ids, in the order of `rows`. One INSERT gives
 * its rows increasing ids in the order of its VALUES list (PostgreSQL's serial default calls
 * nextval row by row; SQLite gives each new row the largest id so far plus one), so the ids that
 * RETURNING lists, sorted, are the rows' ids in order, whatever order RETURNING uses.
 */
export async function bulkInsertReturningIds(
  client: QueryClientContract,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly BulkValue[])[]
): Promise<number[]> {
  return insertInStatements(client, table, columns, rows, ' returning "id"')
}

async function insertInStatements(
  client: QueryClientContract,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly BulkValue[])[],
  returning: string
): Promise<number[]> {
  const ids: number[] = []
  const perStatement = rowsPerStatement(client, columns.length)
  const head = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values `
  const tuple = `(${columns.map(() => '?').join(', ')})`

  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement)
    const bindings: BulkValue[] = []
    for (const row of batch) {
      if (row.length !== columns.length) {
        throw new Error(
          `A row for "${table}" has ${row.length} values for ${columns.length} columns`
        )
      }
      for (const value of row) bindings.push(value)
    }
    const sql = head + new Array(batch.length).fill(tuple).join(', ') + returning
    // Lucid's binding type leaves out null, which knex binds as SQL NULL.
    const result = await client.rawQuery(sql, bindings as StrictValues[])
    if (returning) {
      const returned: { id: number | string }[] = Array.isArray(result) ? result : result.rows
      const batchIds = returned.map((row) => Number(row.id)).sort((a, b) => a - b)
      if (batchIds.length !== batch.length) {
        throw new Error(
          `Inserted ${batch.length} rows into "${table}" but got ${batchIds.length} ids`
        )
      }
      for (const id of batchIds) ids.push(id)
    }
    // better-sqlite3 answers synchronously, so a loop of inserts never lets the event loop turn,
    // and the finalizers that free its prepared statements (about 80 bytes per bound value) only
    // run when it does: without this pause, a million tasks keep gigabytes of dead statements.
    await nextTurn()
  }
  return ids
}
