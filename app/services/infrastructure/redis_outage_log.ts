import type { Logger } from '@adonisjs/core/logger'
import type { Connection } from '@adonisjs/redis/types'

/**
 * Logs a Redis outage as two lines: an error when the connection fails, and an info when it is
 * ready again. The stock reporter logs a "fatal" line at every reconnection attempt instead,
 * once a second for as long as the outage lasts, though the process is fine and keeps serving.
 */
export function logRedisOutages(connection: Connection, logger: Logger) {
  const name = connection.connectionName
  let down = false
  connection.on('error', ({ error }) => {
    if (down) return
    down = true
    logger.error(
      { err: error, connection: name },
      'Redis is unreachable; reconnecting until it is back'
    )
  })
  connection.on('ready', () => {
    if (!down) return
    down = false
    logger.info({ connection: name }, 'Redis is reachable again')
  })
  connection.on('subscriber:error', ({ error }) => {
    logger.error({ err: error, connection: name }, 'Redis subscriber connection failed')
  })
}
