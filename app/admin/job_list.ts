import type { AdminContext } from '#admin/admin_context'
import type { AdminJobsProps } from '#admin/types'
import { adminNav } from '#admin/navigation'
import { adminJobUrls } from '#admin/urls'
import { JOB_STATE_LABELS, toAdminJob } from '#admin/job_rows'
import { jobActionsFor } from '#admin/job_actions'
import { InvalidChangeListQueryException } from '#admin/exceptions'
import { jobStore } from '#queue/job_stores'
import { JOB_STATES, type JobState } from '#queue/job_store'

/** Jobs per page of a list. */
export const JOBS_PER_PAGE = 50

/** The state a plain /admin/jobs shows: what needs staff most. */
export const DEFAULT_JOB_STATE: JobState = 'failed'

/** The highest page number accepted, as on the models' lists. */
const MAX_PAGE = 10_000

/** What a jobs list shows: one state's jobs, one page of them. */
export type JobListQuery = { state: JobState; page: number }

/**
 * Reads the list's query string (`state`, `page`), refusing anything else with a message and a
 * way back to the plain list, before the queue is read.
 */
export function readJobListQuery(query: Record<string, unknown>): JobListQuery {
  const refuse = (message: string): never => {
    throw new InvalidChangeListQueryException(message, adminJobUrls.list())
  }
  const text = (name: string) => {
    const value = query[name]
    if (value === undefined) return undefined
    if (typeof value !== 'string') refuse(`The parameter "${name}" must appear once.`)
    return value as string
  }
  const unknown = Object.keys(query).find((name) => name !== 'state' && name !== 'page')
  if (unknown !== undefined) refuse(`Jobs have no filter "${unknown}".`)

  const state = text('state') ?? DEFAULT_JOB_STATE
  if (!(JOB_STATES as readonly string[]).includes(state)) {
    refuse(`"${state}" is not a state of jobs: choose ${JOB_STATES.join(', ')}.`)
  }
  const pageParam = text('page') ?? '1'
  const page = Number(pageParam)
  if (!/^\d+$/.test(pageParam) || page < 1 || page > MAX_PAGE) {
    refuse(`"${pageParam}" is not a page number from 1 to ${MAX_PAGE}.`)
  }
  return { state: state as JobState, page }
}

/** The props of the jobs list: a tab per state with its count, and a page of one state's jobs. */
export async function jobListProps(
  ctx: AdminContext,
  { state, page }: JobListQuery
): Promise<AdminJobsProps> {
  const [counts, { jobs, total }] = await Promise.all([
    jobStore().counts(),
    jobStore().list(state, page, JOBS_PER_PAGE),
  ])
  return {
    nav: adminNav(ctx),
    url: adminJobUrls.list(),
    state,
    tabs: JOB_STATES.map((tab) => ({
      state: tab,
      label: JOB_STATE_LABELS[tab],
      count: counts[tab],
      url: adminJobUrls.list(tab),
    })),
    jobs: jobs.map((job) => toAdminJob(job, { fullError: false })),
    pagination: {
      page,
      perPage: JOBS_PER_PAGE,
      count: { value: total, kind: 'exact' },
      hasNext: page * JOBS_PER_PAGE < total,
    },
    actions: jobActionsFor(ctx, state),
    actionUrl: adminJobUrls.actions(),
  }
}
