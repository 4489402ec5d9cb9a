import type { HttpContext } from '@adonisjs/core/http'
import { runJobActionValidator } from '#validators/admin'
import { denyUnless } from '#admin/access'
import { canChangeJobs } from '#admin/job_access'
import { runJobAction } from '#admin/job_actions'

/** Retries or discards the jobs selected in a jobs list. */
export default class JobActionsController {
  async store({ admin: ctx, request, response, session }: HttpContext) {
    denyUnless(canChangeJobs(ctx))
    const { action, ids } = await request.validateUsing(runJobActionValidator)
    session.flash('success', await runJobAction(action, ids ?? []))
    return response.redirect().withQs().back()
  }
}
