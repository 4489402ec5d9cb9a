import type { AdminContext } from '#admin/admin_context'
import { codenameOf } from '#admin/permissions'

/** The permission key of the jobs section: "job.view" sees the queue, "job.change" acts on it. */
export const JOB_PERMISSION_KEY = 'job'

/** The subject type of the entries the jobs section adds to the activity record. */
export const JOB_ACTIVITY_SUBJECT = 'job'

/** The permissions of the jobs section, for the catalog the admin grants from. */
export function jobPermissions(): { codename: string; name: string }[] {
  return [
    { codename: codenameOf(JOB_PERMISSION_KEY, 'view'), name: 'Can view job' },
    { codename: codenameOf(JOB_PERMISSION_KEY, 'change'), name: 'Can retry and discard job' },
  ]
}

/** Whether the user may retry and discard jobs. */
export function canChangeJobs(ctx: AdminContext): boolean {
  return ctx.can(JOB_PERMISSION_KEY, 'change')
}

/** Whether the user may see the queue's jobs: with "job.view", or "job.change" as for models. */
export function canViewJobs(ctx: AdminContext): boolean {
  return ctx.can(JOB_PERMISSION_KEY, 'view') || canChangeJobs(ctx)
}
