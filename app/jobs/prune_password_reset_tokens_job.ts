import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import type { NoPayload } from '#queue/schedule_declaration'

/** Deletes expired password reset tokens, used or not: their links no longer work. */
export default class PrunePasswordResetTokensJob extends AppJob<NoPayload> {
  static options: JobOptions = { name: 'PrunePasswordResetTokensJob' }

  protected async handle() {
    const client = db.connection()
    const deleted = await client
      .from('password_reset_tokens')
      .where('expires_at', '<=', DateTime.now().toFormat(client.dialect.dateTimeFormat))
      .delete()
    logger.info({ deleted: Number(deleted) }, 'pruned expired password reset tokens')
  }
}
