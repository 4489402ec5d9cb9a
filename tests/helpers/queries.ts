import db from '@adonisjs/lucid/services/db'

/**
 * Runs `work` and records every SQL statement the app sent to the default connection meanwhile
 * (transactions included: their statements bubble up to the connection). For tests that pin how
 * many queries a page costs.
 */
export async function recordQueries<T>(
  work: () => Promise<T>
): Promise<{ result: T; sql: string[] }> {
  const connection = db.connection()
  const clients = new Set([connection.getWriteClient(), connection.getReadClient()])
  const sql: string[] = []
  const listener = (query: { sql: string }) => sql.push(query.sql)
  for (const client of clients) client.on('query', listener)
  try {
    const result = await work()
    return { result, sql }
  } finally {
    for (const client of clients) client.off('query', listener)
  }
}
