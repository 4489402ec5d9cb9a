import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import type { NoPayload } from '#queue/schedule_declaration'
import { STALE_AFTER_DAYS } from '#services/accounts/session_tracker'

/**
 * Deletes the user_sessions rows of sessions unseen for longer than "remember me" lasts: such a
 * session can never come back, and its row only lengthens the "active sessions" page. (Ended
 * sessions are deleted when they end.)
 */
export default class PruneStaleSessionsJob extends AppJob<NoPayload> {
  static options: JobOptions = { name: 'PruneStaleSessionsJob' }

  protected async handle() {
    const client = db.connection()
    const cutoff = DateTime.now().minus({ days: STALE_AFTER_DAYS })
    const deleted = await client
      .from('user_sessions')
      .where('last_seen_at', '<', cutoff.toFormat(client.dialect.dateTimeFormat))
      .delete()
    logger.info({ deleted: Number(deleted) }, 'pruned stale user sessions')
  }
}
