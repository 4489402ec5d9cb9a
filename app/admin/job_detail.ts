import { Exception } from '@adonisjs/core/exceptions'
import type { AdminContext } from '#admin/admin_context'
import type { AdminJobPageProps } from '#admin/types'
import { adminNav } from '#admin/navigation'
import { adminJobUrls } from '#admin/urls'
import { toAdminJob } from '#admin/job_rows'
import { appliesTo } from '#admin/job_actions'
import { canChangeJobs } from '#admin/job_access'
import { jobStore } from '#queue/job_stores'
import type { StoredJob } from '#queue/job_store'
import { redactSecrets } from '#queue/redact'

/** The job `id` names in the queue; a 404 when there is none. */
export async function findJob(id: string): Promise<StoredJob> {
  const job = await jobStore().find(id)
  if (!job) {
    throw new Exception(`No job has the id "${id}"`, { status: 404, code: 'E_ROW_NOT_FOUND' })
  }
  return job
}

/** The props of one job's page: its full error and its payload, secrets redacted. */
export function jobPageProps(ctx: AdminContext, job: StoredJob): AdminJobPageProps {
  const canChange = canChangeJobs(ctx)
  return {
    nav: adminNav(ctx),
    job: {
      ...toAdminJob(job, { fullError: true }),
      stalledCount: job.stalledCount,
      payload: JSON.stringify(redactSecrets(job.payload ?? null), null, 2),
    },
    listUrl: adminJobUrls.list(job.state),
    retryUrl: canChange && appliesTo('retry', job.state) ? adminJobUrls.retry(job.id) : null,
    discardUrl: canChange && appliesTo('discard', job.state) ? adminJobUrls.discard(job.id) : null,
  }
}
