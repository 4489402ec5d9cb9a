import db from '@adonisjs/lucid/services/db'
import type { AdminValueType } from '#admin/types'

/** What the database says about a column, as the admin uses it. */
export type ColumnType = {
  type: AdminValueType
  /** Long text (drawn as a text area). */
  long: boolean
  nullable: boolean
  hasDefault: boolean
  maxLength: number | null
}

const cache = new Map<string, Promise<Map<string, ColumnType>>>()

/** A database type name (SQLite or PostgreSQL) as the admin's kind of value. */
export function valueTypeOf(databaseType: string): { type: AdminValueType; long: boolean } {
  const name = databaseType.toLowerCase()
  if (name.includes('bool') || name === 'tinyint(1)') return { type: 'boolean', long: false }
  if (name.includes('timestamp') || name.includes('datetime'))
    return { type: 'datetime', long: false }
  if (name === 'date') return { type: 'date', long: false }
  if (/int|numeric|decimal|real|double|float/.test(name)) return { type: 'number', long: false }
  return { type: 'text', long: name === 'text' }
}

/**
 * The columns of a table as the database declares them, read once per process and kept: the
 * schema only changes with a migration, which needs a restart anyway.
 */
export function columnTypesOf(table: string): Promise<Map<string, ColumnType>> {
  let types = cache.get(table)
  if (!types) {
    types = readColumnTypes(table)
    types.catch(() => cache.delete(table))
    cache.set(table, types)
  }
  return types
}

/** One column as the database's catalog describes it. */
type CatalogColumn = {
  name: string
  type: string
  nullable: boolean
  default: unknown
  length: unknown
}

/** Reads the catalog with plain queries, so it also works inside a transaction. */
async function readCatalog(table: string): Promise<CatalogColumn[]> {
  const connection = db.connection()
  if (connection.dialect.name === 'postgres') {
    const result = await connection.rawQuery(
      `select column_name, data_type, is_nullable, column_default, character_maximum_length
       from information_schema.columns where table_schema = current_schema() and table_name = ?
       order by ordinal_position`,
      [table]
    )
    return result.rows.map((row: Record<string, any>) => ({
      name: row.column_name,
      type: row.data_type,
      nullable: row.is_nullable === 'YES',
      default: row.column_default,
      length: row.character_maximum_length,
    }))
  }
  const rows: Record<string, any>[] = await connection.rawQuery(
    `pragma table_info(${JSON.stringify(table)})`
  )
  return rows.map((row) => ({
    name: row.name,
    type: String(row.type).replace(/\(.*$/, ''),
    nullable: !row.notnull && !row.pk,
    default: row.dflt_value,
    length: /\((\d+)\)/.exec(String(row.type))?.[1] ?? null,
  }))
}

async function readColumnTypes(table: string): Promise<Map<string, ColumnType>> {
  const columns = await readCatalog(table)
  if (columns.length === 0) throw new Error(`The table "${table}" does not exist`)
  const types = new Map<string, ColumnType>()
  for (const column of columns) {
    const maxLength = Number(column.length)
    types.set(column.name, {
      ...valueTypeOf(column.type),
      nullable: column.nullable,
      hasDefault: column.default !== null && column.default !== undefined,
      maxLength: Number.isFinite(maxLength) && maxLength > 0 ? maxLength : null,
    })
  }
  return types
}
