import logger from '@adonisjs/core/services/logger'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import { pruneExports } from '#admin/export_files'
import type { NoPayload } from '#queue/schedule_declaration'

/**
 * Deletes the files of admin exports whose download time is over, and later their records (see
 * pruneExports).
 */
export default class PruneExportsJob extends AppJob<NoPayload> {
  static options: JobOptions = { name: 'PruneExportsJob' }

  protected async handle() {
    const deleted = await pruneExports()
    logger.info({ deleted }, 'pruned admin exports')
  }
}
