import type { HttpContext } from '@adonisjs/core/http'
import { denyUnless } from '#admin/access'
import { adminJobUrls } from '#admin/urls'
import { canChangeJobs, canViewJobs } from '#admin/job_access'
import { jobListProps, readJobListQuery } from '#admin/job_list'
import { findJob, jobPageProps } from '#admin/job_detail'
import { runJobAction } from '#admin/job_actions'

/** The jobs of the queue: a list per state, one job's page, and discarding one job. */
export default class JobsController {
  async index({ admin: ctx, inertia, request }: HttpContext) {
    denyUnless(canViewJobs(ctx))
    const query = readJobListQuery(request.qs())
    return inertia.render('admin/jobs/index', await jobListProps(ctx, query))
  }

  async show({ admin: ctx, inertia, params }: HttpContext) {
    denyUnless(canViewJobs(ctx))
    const job = await findJob(params.job)
    return inertia.render('admin/jobs/show', jobPageProps(ctx, job))
  }

  async destroy({ admin: ctx, params, response, session }: HttpContext) {
    denyUnless(canChangeJobs(ctx))
    const job = await findJob(params.job)
    session.flash('success', await runJobAction('discard', [job.id]))
    return response.redirect(adminJobUrls.list(job.state))
  }
}
