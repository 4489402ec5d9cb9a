import type { JobState, StoredJob } from '#queue/job_store'
import type { AdminJob } from '#admin/types'
import { adminJobUrls } from '#admin/urls'
import { redactSecrets } from '#queue/redact'

/** The names of the states on tabs and in messages. */
export const JOB_STATE_LABELS: Record<JobState, string> = {
  pending: 'Pending',
  delayed: 'Delayed',
  active: 'Active',
  failed: 'Failed',
  completed: 'Completed',
}

/** The longest error excerpt a list shows. */
const EXCERPT_LENGTH = 200

/** The first line of `error`, cut to a list's width. */
function excerptOf(error: string): string {
  const line = error.split('\n', 1)[0]
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null
}

/**
 * A stored job as the jobs section shows it: its error redacted, as an excerpt on lists
 * (`fullError: false`) or whole on the job's page.
 */
export function toAdminJob(job: StoredJob, { fullError }: { fullError: boolean }): AdminJob {
  const error = job.error === null ? null : redactSecrets(job.error)
  return {
    id: job.id,
    name: job.name,
    queue: job.queue,
    state: job.state,
    attempts: job.attempts,
    progress: job.progress,
    error: error !== null && !fullError ? excerptOf(error) : error,
    enqueuedAt: iso(job.enqueuedAt),
    claimedAt: iso(job.claimedAt),
    runAt: iso(job.runAt),
    finishedAt: iso(job.finishedAt),
    url: adminJobUrls.show(job.id),
  }
}
