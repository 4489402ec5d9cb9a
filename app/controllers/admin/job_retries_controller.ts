import type { HttpContext } from '@adonisjs/core/http'
import { denyUnless } from '#admin/access'
import { adminJobUrls } from '#admin/urls'
import { canChangeJobs } from '#admin/job_access'
import { findJob } from '#admin/job_detail'
import { runJobAction } from '#admin/job_actions'

/** Puts one failed job back in line, from its page. */
export default class JobRetriesController {
  async store({ admin: ctx, params, response, session }: HttpContext) {
    denyUnless(canChangeJobs(ctx))
    const job = await findJob(params.job)
    session.flash('success', await runJobAction('retry', [job.id]))
    return response.redirect(adminJobUrls.show(job.id))
  }
}
