import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import type { NoPayload } from '#queue/schedule_declaration'
import { IDEMPOTENCY_KEYS_TABLE } from '#api/idempotency'

/**
 * Deletes expired Idempotency-Keys of the API. Until then an expired key is never replayed: the
 * next call with it takes it anew (app/api/idempotency.ts).
 */
export default class PruneIdempotencyKeysJob extends AppJob<NoPayload> {
  static options: JobOptions = { name: 'PruneIdempotencyKeysJob' }

  protected async handle() {
    // Compared as the API writes it: a Date (milliseconds on SQLite).
    const deleted = await db
      .from(IDEMPOTENCY_KEYS_TABLE)
      .where('expires_at', '<=', new Date())
      .delete()
    logger.info({ deleted: Number(deleted) }, 'pruned expired API idempotency keys')
  }
}
