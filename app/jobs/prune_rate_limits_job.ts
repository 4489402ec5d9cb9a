import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import type { NoPayload } from '#queue/schedule_declaration'

/**
 * Deletes the database rate-limit store's counters whose window is over (its `expire` column, in
 * milliseconds; a counter without one never expires and is kept). An expired counter counts for
 * nothing: the store starts a fresh one on the next attempt.
 */
export default class PruneRateLimitsJob extends AppJob<NoPayload> {
  static options: JobOptions = { name: 'PruneRateLimitsJob' }

  protected async handle() {
    const deleted = await db
      .from('rate_limits')
      .whereNotNull('expire')
      .where('expire', '<=', Date.now())
      .delete()
    logger.info({ deleted: Number(deleted) }, 'pruned expired rate-limit counters')
  }
}
