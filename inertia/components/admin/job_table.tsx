import type { ReactNode } from 'react'
import { Link } from '@inertiajs/react'
import type { AdminJob } from '~/lib/admin/types'
import { Moment } from '~/components/moment'
import { JobProgress } from '~/components/admin/job_progress'
import { Table, Td, Th } from '~/components/ui/table'
import { cn } from '~/lib/cn'

type JobState = AdminJob['state']

type JobTableProps = {
  state: JobState
  jobs: AdminJob[]
  /** The selected job ids, or null when the user may run no action (no checkboxes then). */
  selected: string[] | null
  onSelect: (ids: string[]) => void
}

type Column = { name: string; label: string; cell: (job: AdminJob) => ReactNode }

function when(iso: string | null) {
  return iso ? <Moment iso={iso} className="whitespace-nowrap" /> : '—'
}

const TIMES: Record<string, Column> = {
  enqueued: { name: 'enqueued', label: 'Enqueued', cell: (job) => when(job.enqueuedAt) },
  started: { name: 'started', label: 'Started', cell: (job) => when(job.claimedAt) },
  finished: { name: 'finished', label: 'Finished', cell: (job) => when(job.finishedAt) },
  nextRun: { name: 'nextRun', label: 'Next run', cell: (job) => when(job.runAt) },
}

const ERROR: Column = {
  name: 'error',
  label: 'Last error',
  cell: (job) =>
    job.error ? (
      <span className="block max-w-md font-mono text-xs break-all text-danger">{job.error}</span>
    ) : (
      '—'
    ),
}

const PROGRESS: Column = {
  name: 'progress',
  label: 'Progress',
  cell: (job) =>
    job.progress === null ? (
      '—'
    ) : (
      <JobProgress value={job.progress} label={`${job.name} progress`} />
    ),
}

/** The columns that say something about jobs in each state. */
const COLUMNS: Record<JobState, Column[]> = {
  pending: [TIMES.enqueued],
  delayed: [TIMES.enqueued, TIMES.nextRun, ERROR],
  active: [TIMES.enqueued, TIMES.started, PROGRESS],
  failed: [TIMES.enqueued, TIMES.finished, ERROR],
  completed: [TIMES.enqueued, TIMES.finished],
}

/** One state's jobs: name (to the job's page), id, queue, attempts and the state's own columns. */
export function JobTable({ state, jobs, selected, onSelect }: JobTableProps) {
  const columns = COLUMNS[state]
  const allSelected = selected !== null && jobs.length > 0 && selected.length === jobs.length

  function toggle(id: string, checked: boolean) {
    if (!selected) return
    onSelect(checked ? [...selected, id] : selected.filter((value) => value !== id))
  }

  return (
    <Table data-test="admin-jobs">
      <thead>
        <tr>
          {selected && (
            <Th className="w-10">
              <input
                type="checkbox"
                aria-label="Select all jobs on this page"
                checked={allSelected}
                onChange={(event) =>
                  onSelect(event.target.checked ? jobs.map((job) => job.id) : [])
                }
                disabled={jobs.length === 0}
                data-test="admin-select-all"
              />
            </Th>
          )}
          <Th>Job</Th>
          <Th>Id</Th>
          <Th>Queue</Th>
          <Th className="text-right">Attempts</Th>
          {columns.map((column) => (
            <Th key={column.name}>{column.label}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr
            key={job.id}
            data-test={`admin-job-${job.id}`}
            className={cn(selected?.includes(job.id) && 'bg-primary/5')}
          >
            {selected && (
              <Td>
                <input
                  type="checkbox"
                  aria-label={`Select ${job.name} ${job.id}`}
                  checked={selected.includes(job.id)}
                  onChange={(event) => toggle(job.id, event.target.checked)}
                  data-test={`admin-job-checkbox-${job.id}`}
                />
              </Td>
            )}
            <Td>
              <Link href={job.url} className="font-medium text-primary hover:underline">
                {job.name}
              </Link>
            </Td>
            <Td className="font-mono text-xs" title={job.id}>
              {job.id.slice(0, 8)}
            </Td>
            <Td>{job.queue}</Td>
            <Td className="text-right tabular-nums">{job.attempts}</Td>
            {columns.map((column) => (
              <Td key={column.name} className="align-top">
                {column.cell(job)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
