import type { ReactNode } from 'react'
import { Head } from '@inertiajs/react'
import type { AdminJobPageProps } from '~/lib/admin/types'
import AdminLayout from '~/layouts/admin_layout'
import { AdminBreadcrumbs } from '~/components/admin/admin_breadcrumbs'
import { JobButtons } from '~/components/admin/job_buttons'
import { JobProgress } from '~/components/admin/job_progress'
import { Moment } from '~/components/moment'
import { Badge, type BadgeTone } from '~/components/ui/badge'

const STATE_TONES: Record<AdminJobPageProps['job']['state'], BadgeTone> = {
  pending: 'neutral',
  delayed: 'primary',
  active: 'primary',
  failed: 'danger',
  completed: 'success',
}

function when(iso: string | null) {
  return iso ? <Moment iso={iso} /> : '—'
}

/** One fact about the job: a term and its value. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  )
}

/** One job: its state, attempts and times, its last error in full, its payload (secrets hidden). */
export default function JobPage({ job, listUrl, retryUrl, discardUrl }: AdminJobPageProps) {
  return (
    <>
      <Head title={`Job ${job.name}`} />
      <AdminBreadcrumbs items={[{ label: 'Jobs', href: listUrl }, { label: job.name }]} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="flex items-center gap-3 text-2xl font-bold tracking-tight">
          {job.name}
          <Badge tone={STATE_TONES[job.state]} data-test="admin-job-state">
            {job.state}
          </Badge>
        </h1>
        <JobButtons name={job.name} retryUrl={retryUrl} discardUrl={discardUrl} />
      </div>
      <dl className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Fact term="Id">
          <span className="font-mono text-xs break-all">{job.id}</span>
        </Fact>
        <Fact term="Queue">{job.queue}</Fact>
        <Fact term="Attempts">{job.attempts}</Fact>
        <Fact term="Worker stops">{job.stalledCount}</Fact>
        <Fact term="Enqueued">{when(job.enqueuedAt)}</Fact>
        <Fact term="Started">{when(job.claimedAt)}</Fact>
        <Fact term="Finished">{when(job.finishedAt)}</Fact>
        <Fact term="Next run">{when(job.runAt)}</Fact>
        {job.progress !== null && (
          <Fact term="Progress">
            <JobProgress value={job.progress} label={`${job.name} progress`} />
          </Fact>
        )}
      </dl>
      {job.error && (
        <section aria-labelledby="admin-job-error" className="mt-8">
          <h2 id="admin-job-error" className="font-semibold">
            Last error
          </h2>
          <pre
            className="mt-2 overflow-x-auto rounded-lg border border-border bg-muted p-3 text-xs break-all whitespace-pre-wrap text-danger"
            data-test="admin-job-error"
          >
            {job.error}
          </pre>
        </section>
      )}
      <section aria-labelledby="admin-job-payload" className="mt-8">
        <h2 id="admin-job-payload" className="font-semibold">
          Payload
        </h2>
        <pre
          className="mt-2 overflow-x-auto rounded-lg border border-border bg-muted p-3 text-xs"
          data-test="admin-job-payload"
        >
          {job.payload}
        </pre>
      </section>
    </>
  )
}

JobPage.layout = AdminLayout
