import db from '@adonisjs/lucid/services/db'
import type { AdminContext } from '#admin/admin_context'
import type { AdminAction } from '#admin/types'
import { JOB_ACTIVITY_SUBJECT, canChangeJobs } from '#admin/job_access'
import { JobActionRefusedException } from '#admin/exceptions'
import { recordActivity } from '#activity/recorder'
import { jobStore } from '#queue/job_stores'
import type { JobState, StoredJob } from '#queue/job_store'

/** What staff can do to jobs, the states each applies to, and the word its message ends with. */
export const JOB_ACTIONS = {
  retry: { label: 'Retry selected jobs', states: ['failed'], done: 'retried' },
  discard: {
    label: 'Discard selected jobs',
    states: ['failed', 'pending', 'delayed', 'completed'],
    done: 'discarded',
  },
} as const satisfies Record<string, { label: string; states: JobState[]; done: string }>

/** The name of a job action. */
export type JobActionName = keyof typeof JOB_ACTIONS

function isJobAction(name: string): name is JobActionName {
  return Object.hasOwn(JOB_ACTIONS, name)
}

/** Whether `action` applies to a job in `state`. */
export function appliesTo(action: JobActionName, state: JobState): boolean {
  return (JOB_ACTIONS[action].states as readonly JobState[]).includes(state)
}

/** The actions `ctx`'s user may run on jobs in `state` (none without "job.change"). */
export function jobActionsFor(ctx: AdminContext, state: JobState): AdminAction[] {
  if (!canChangeJobs(ctx)) return []
  return (Object.keys(JOB_ACTIONS) as JobActionName[])
    .filter((name) => appliesTo(name, state))
    .map((name) => ({ name, label: JOB_ACTIONS[name].label }))
}

function jobsWord(count: number): string {
  return count === 1 ? '1 job' : `${count} jobs`
}

function orList(words: readonly string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}

/**
 * The jobs `ids` name, each in a state `action` applies to; else refuses, naming the first id that
 * names no job or the first job the action does not apply to.
 */
async function jobsToChange(action: JobActionName, ids: string[]): Promise<StoredJob[]> {
  const refuse = (message: string): never => {
    throw new JobActionRefusedException(message)
  }
  if (ids.length === 0) refuse('Select at least one job.')
  const jobs = await Promise.all(ids.map((id) => jobStore().find(id)))
  const missing = ids.find((_, index) => jobs[index] === null)
  if (missing !== undefined) refuse(`No job has the id "${missing}". Nothing was changed.`)
  const found = jobs as StoredJob[]
  const wrong = found.find((job) => !appliesTo(action, job.state))
  if (wrong) {
    const { states, done } = JOB_ACTIONS[action]
    refuse(
      `Only ${orList(states)} jobs can be ${done}: the job "${wrong.name}" (${wrong.id}) is ${wrong.state}. Nothing was changed.`
    )
  }
  return found
}

/**
 * Appends one entry per changed job to the activity record, as the admin's other changes are: a
 * retry as an update of its state and attempts, a discard as a deletion.
 */
async function recordJobChanges(action: JobActionName, jobs: StoredJob[]) {
  if (jobs.length === 0) return
  await db.transaction(async (trx) => {
    for (const job of jobs) {
      await recordActivity(trx, {
        subjectType: JOB_ACTIVITY_SUBJECT,
        subjectId: job.id,
        projectId: null,
        ...(action === 'retry'
          ? {
              action: 'updated' as const,
              changes: { state: [job.state, 'pending'], attempts: [job.attempts, 0] },
            }
          : {
              action: 'deleted' as const,
              changes: {
                name: [job.name, null],
                queue: [job.queue, null],
                state: [job.state, null],
              },
            }),
      })
    }
  })
}

/** Whether `before` was changed by `action`, judging from the job as it is now (`after`). */
function wasChanged(action: JobActionName, before: StoredJob, after: StoredJob | null): boolean {
  if (action === 'discard') return after === null
  return after === null || after.state !== before.state || after.attempts !== before.attempts
}

/**
 * Runs `action` ("retry", "discard") on the jobs `ids` through the queue's store, and records it.
 * Refuses, changing nothing, an unknown action, an empty selection, an id that names no job and
 * a job the action does not apply to (a running job is never discarded). Returns the message for
 * the user: "2 jobs retried."
 */
export async function runJobAction(name: string, ids: string[]): Promise<string> {
  if (!isJobAction(name)) throw new JobActionRefusedException(`Jobs have no action "${name}".`)
  const jobs = await jobsToChange(name, ids)

  const count = name === 'retry' ? await jobStore().retry(ids) : await jobStore().discard(ids)

  const now = await Promise.all(jobs.map((job) => jobStore().find(job.id)))
  await recordJobChanges(
    name,
    jobs.filter((job, index) => wasChanged(name, job, now[index]))
  )
  return `${jobsWord(count)} ${JOB_ACTIONS[name].done}.`
}
