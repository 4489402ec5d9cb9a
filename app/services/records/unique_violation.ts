/** The unique index (or primary key) a write ran into: its table and columns, in index order. */
export type ViolatedIndex = { table: string; columns: string[] }

/**
 * Whether a database error is a unique or primary key violation, on PostgreSQL or SQLite: what
 * two requests racing to insert the same row get, the second time.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}

/**
 * The index a unique violation is about, read from what each database reports: SQLite names the
 * columns in its message ("UNIQUE constraint failed: labels.project_id, labels.name"), PostgreSQL
 * in the error's table and detail ("Key (project_id, name)=(1, bug) already exists."). Null for
 * any other error, or a violation whose columns the database did not say.
 */
export function violatedIndexOf(error: unknown): ViolatedIndex | null {
  if (!isUniqueViolation(error)) return null
  const { message, table, detail } = error as { message?: string; table?: string; detail?: string }

  const sqlite = /constraint failed: ([\w.]+(?:, [\w.]+)*)/.exec(message ?? '')
  if (sqlite) {
    const qualified = sqlite[1].split(', ').map((name) => name.split('.'))
    return { table: qualified[0][0], columns: qualified.map((parts) => parts[1]) }
  }
  const postgres = /^Key \(([^)]+)\)=/.exec(detail ?? '')
  if (postgres && table) {
    return { table, columns: postgres[1].split(',').map((name) => name.trim().replace(/"/g, '')) }
  }
  return null
}
