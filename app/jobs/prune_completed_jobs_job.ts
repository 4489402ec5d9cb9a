import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import type { JobOptions } from '@boringnode/queue/types'
import { keepCompletedDays } from '#config/queue'
import { AppJob } from '#queue/app_job'
import { jobStore } from '#queue/job_stores'
import type { NoPayload } from '#queue/schedule_declaration'

/**
 * Deletes the completed jobs that finished more than QUEUE_KEEP_COMPLETED_DAYS ago (failed jobs
 * stay until staff retry or discard them).
 */
export default class PruneCompletedJobsJob extends AppJob<NoPayload> {
  static options: JobOptions = { name: 'PruneCompletedJobsJob' }

  protected async handle() {
    const before = DateTime.now().minus({ days: keepCompletedDays }).toJSDate()
    const deleted = await jobStore().pruneCompleted(before)
    logger.info({ deleted, keepCompletedDays }, 'pruned completed jobs')
  }
}
