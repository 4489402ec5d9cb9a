import string from '@adonisjs/core/helpers/string'
import type { Job } from '@boringnode/queue'
import type { JobOptions } from '@boringnode/queue/types'
import { jobName } from '#queue/enqueue'

/** A job class that can be scheduled: one of app/jobs, with its stored name set. */
export type SchedulableJob<Payload> = (abstract new (...args: any[]) => Job<Payload>) & {
  name: string
  options: JobOptions
  schedule: (typeof Job)['schedule']
}

/** The payload of a job that needs none (the pruning tasks). */
export type NoPayload = Record<string, never>

/** When a schedule runs: a cron expression (UTC), or an interval such as '10m'. */
export type Cadence = { cron: string; every?: never } | { every: string; cron?: never }

/** One task run on a schedule, as declared in start/schedule.ts. */
export type ScheduleDeclaration<Payload = any> = Cadence & {
  /** Stable: the stored schedule is found (and kept, with its run count) by it. */
  id: string
  job: SchedulableJob<Payload>
  payload: Payload
  /** What the task does, for `node ace schedule:list`. */
  description: string
}

/** Declares a scheduled task, checking that the payload is the job's. */
export function scheduled<Payload>(
  declaration: ScheduleDeclaration<Payload>
): ScheduleDeclaration<Payload> {
  return declaration
}

/** The interval of a declaration in milliseconds, or null for a cron schedule. */
export function everyMs(declaration: Cadence): number | null {
  return declaration.every === undefined ? null : string.milliseconds.parse(declaration.every)
}

/** The stored name of a declaration's job. */
export function scheduledJobName(declaration: ScheduleDeclaration): string {
  return jobName(declaration.job)
}

/** A declaration's cadence as written: "cron 7 * * * *" or "every 10m". */
export function cadenceOf(declaration: Cadence): string {
  return declaration.every === undefined ? `cron ${declaration.cron}` : `every ${declaration.every}`
}
