import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import type { NoPayload } from '#queue/schedule_declaration'

/** Deletes expired "remember me" tokens (the session guard refuses them already). */
export default class PruneRememberMeTokensJob extends AppJob<NoPayload> {
  static options: JobOptions = { name: 'PruneRememberMeTokensJob' }

  protected async handle() {
    // Compared as the auth package writes it: a Date (milliseconds on SQLite).
    const deleted = await db
      .from('remember_me_tokens')
      .where('expires_at', '<', new Date())
      .delete()
    logger.info({ deleted: Number(deleted) }, 'pruned expired remember-me tokens')
  }
}
