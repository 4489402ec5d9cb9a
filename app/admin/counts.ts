import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { AdminCount } from '#admin/types'

/** Tables estimated to hold fewer rows than this are counted exactly: it costs milliseconds. */
export const EXACT_COUNT_BELOW = 100_000

/**
 * A filtered list of a large table is counted up to this many rows, then reads "1,000+": the
 * count costs a scan of up to this many matches, which a rare search term makes long.
 */
export const COUNT_BOUND = 1000

/**
 * The number of rows of `table` as the database's statistics estimate it, without reading the
 * table: PostgreSQL's `pg_class.reltuples`, SQLite's `sqlite_stat1` (both kept by ANALYZE).
 * Null when the table was never analyzed.
 */
export async function estimatedRows(table: string): Promise<number | null> {
  const connection = db.connection()
  if (connection.dialect.name === 'postgres') {
    const result = await connection.rawQuery(
      'select reltuples::bigint as estimate from pg_class where oid = to_regclass(?)',
      [table]
    )
    const estimate = Number(result.rows[0]?.estimate ?? -1)
    return estimate >= 0 ? estimate : null
  }
  if (connection.dialect.name === 'better-sqlite3' || connection.dialect.name === 'sqlite3') {
    const hasStats = await connection
      .from('sqlite_master')
      .where({ type: 'table', name: 'sqlite_stat1' })
      .first()
    if (!hasStats) return null
    const row = await connection.from('sqlite_stat1').where('tbl', table).select('stat').first()
    return row ? Number(String(row.stat).split(' ')[0]) : null
  }
  return null
}

/**
 * How many rows `query` matches, without an exact `COUNT(*)` over a large table: small tables
 * are counted exactly; a large table's unfiltered list uses the planner's estimate; a filtered
 * list of a large table counts up to {@link COUNT_BOUND} rows and says "at least" beyond.
 */
export async function countRows({
  table,
  query,
  filtered,
}: {
  /** The table the query reads, whose statistics estimate its size. */
  table: string
  query: DatabaseQueryBuilderContract
  /** Whether a search or a filter narrows the query (the estimate is of the whole table). */
  filtered: boolean
}): Promise<AdminCount> {
  const estimate = await estimatedRows(table)
  const small = estimate !== null && estimate < EXACT_COUNT_BELOW

  if (small) return { value: await exactCount(query), kind: 'exact' }
  if (!filtered && estimate !== null) return { value: estimate, kind: 'estimate' }

  const bounded = query
    .clone()
    .clearSelect()
    .clearOrder()
    .select(db.raw('1'))
    .limit(COUNT_BOUND + 1)
  const result = await db.from(bounded.as('bounded')).count('* as total').first()
  const value = Number(result?.total ?? 0)
  return value > COUNT_BOUND ? { value: COUNT_BOUND, kind: 'atLeast' } : { value, kind: 'exact' }
}

async function exactCount(query: DatabaseQueryBuilderContract): Promise<number> {
  const result = await query.clone().clearSelect().clearOrder().count('* as total').first()
  return Number(result?.total ?? 0)
}
