import db from '@adonisjs/lucid/services/db'

/**
 * The tables of the database, from its own catalog, read through the current connection (the
 * global transaction when a test opened one, so SQLite's single connection is never waited for).
 */
export async function tableNames(): Promise<string[]> {
  const connection = db.connection()
  if (connection.dialect.name === 'postgres') {
    const result = await connection.rawQuery(
      'select tablename as name from pg_tables where schemaname = current_schema() order by 1'
    )
    return result.rows.map((row: { name: string }) => row.name)
  }
  const rows = await connection.rawQuery(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1"
  )
  return rows.map((row: { name: string }) => row.name)
}

/**
 * The number of rows of `tables` (every table when omitted), by name, in one statement: compare
 * two readings to see what was written.
 */
export async function tableSizes(tables?: string[]): Promise<Record<string, number>> {
  const names = tables ?? (await tableNames())
  const connection = db.connection()
  const columns = names.map((_, index) => `(select count(*) from ??) as t${index}`).join(', ')
  const result = await connection.rawQuery(`select ${columns}`, names)
  const [row] = connection.dialect.name === 'postgres' ? result.rows : result
  return Object.fromEntries(names.map((name, index) => [name, Number(row[`t${index}`])]))
}

/** The tables whose row count differs between two readings, with the change: `{ labels: -1 }`. */
export function sizeChanges(
  before: Record<string, number>,
  after: Record<string, number>
): Record<string, number> {
  const changes: Record<string, number> = {}
  for (const [table, size] of Object.entries(after)) {
    if (size !== before[table]) changes[table] = size - (before[table] ?? 0)
  }
  return changes
}
