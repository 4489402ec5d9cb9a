import type { PostgreConfig } from '@adonisjs/lucid/types/database'

/** The primary's connection: a URL, or host, port and credentials. */
type PrimaryConnection = NonNullable<PostgreConfig['connection']>

/**
 * The read replicas of a PostgreSQL primary, from a list like "replica-1,replica-2:5433": the same
 * credentials and database, other hosts. Lucid then sends reads outside transactions to the
 * replicas (in turn) and every write and transaction to the primary. Returns undefined when the
 * list is empty, for a single-server setup.
 */
export function pgReplicas(
  primary: PrimaryConnection,
  readHosts: string | undefined
): PostgreConfig['replicas'] {
  const hosts = (readHosts ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (hosts.length === 0) return undefined

  const read = hosts.map((entry): PrimaryConnection => {
    const [host, port] = entry.split(':')
    if (typeof primary === 'string') {
      const url = new URL(primary)
      url.hostname = host
      if (port) url.port = port
      return url.href
    }
    return { ...primary, host, ...(port ? { port: Number(port) } : {}) }
  })
  return { write: { connection: primary }, read: { connection: read } }
}
