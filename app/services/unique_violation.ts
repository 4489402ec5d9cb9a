/**
 * Whether a database error is a unique or primary key violation, on PostgreSQL or SQLite: what
 * two requests racing to insert the same row get, the second time.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}
