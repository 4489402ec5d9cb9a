/*
 * How the database and Redis clients say that their server cannot be reached right now, as
 * opposed to refusing a query: socket errors, PostgreSQL's "connection exception" and shutdown
 * states, and the errors ioredis and knex raise when they give up waiting for a connection.
 */

/** Socket error codes: the server is down, restarting or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/** PostgreSQL SQLSTATEs: class 08 (connection exception), and shutting down or starting up. */
const PG_STATES = /^(08[0-9A-Z]{3}|57P0[123])$/

/** Errors named by the client: ioredis's offline queue limit, knex's pool acquire timeout. */
const NAMES = new Set(['MaxRetriesPerRequestError', 'KnexTimeoutError'])

/** Messages of clients that raise plain Errors: ioredis, and pg when a connection drops. */
const MESSAGES = [
  /^Connection is closed\.$/,
  /^Command timed out$/,
  /^Stream isn't writeable/,
  /^Connection terminated/,
  /is not queryable$/,
]

/** How deep to follow `cause` and AggregateError's `errors` before giving up. */
const MAX_DEPTH = 4

/**
 * Whether an error means that a server this process depends on (the database, Redis) is down
 * or unreachable, rather than a bug or a refused query. Such a request may succeed in a few
 * seconds: it deserves a 503, not a 500. Follows `cause` and AggregateError's `errors`.
 */
export function isServiceOutage(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > MAX_DEPTH) return false
  const { code, name, message, cause, errors } = error as {
    code?: unknown
    name?: unknown
    message?: unknown
    cause?: unknown
    errors?: unknown
  }
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || PG_STATES.test(code))) return true
  if (typeof name === 'string' && NAMES.has(name)) return true
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true
  if (Array.isArray(errors) && errors.some((inner) => isServiceOutage(inner, depth + 1))) {
    return true
  }
  return isServiceOutage(cause, depth + 1)
}
