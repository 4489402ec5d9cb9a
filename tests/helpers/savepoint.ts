import db from '@adonisjs/lucid/services/db'

/**
 * Runs `work` in a savepoint of the test's global transaction, then rolls the savepoint back:
 * whatever the app writes meanwhile (through `db` or models) is undone, and a failed query on
 * PostgreSQL does not abort the rest of the test. Needs `withGlobalTransaction()`; one at a time.
 */
export async function inSavepoint<T>(work: () => Promise<T>): Promise<T> {
  const name = db.primaryConnectionName
  const outer = db.connectionGlobalTransactions.get(name)
  if (!outer) throw new Error('inSavepoint needs a global transaction (withGlobalTransaction)')
  const inner = await outer.transaction()
  db.connectionGlobalTransactions.set(name, inner)
  try {
    return await work()
  } finally {
    db.connectionGlobalTransactions.set(name, outer)
    if (!inner.isCompleted) await inner.rollback()
  }
}
