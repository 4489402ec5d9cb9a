import type { HttpContext } from '@adonisjs/core/http'
import { CLEAR_HISTORY_FLASH } from '#services/accounts/session_keys'
import { createSessionValidator } from '#validators/session'
import { safeRedirectPath } from '#services/http/safe_redirect'
import { verifyLogin } from '#services/accounts/login_attempt'
import { endTrackedSession } from '#services/accounts/session_tracker'
import { completeLogin, startPendingLogin } from '#services/accounts/pending_login'
import { hasSecondFactor } from '#services/accounts/second_factor'

/** Logging in and out with email and password. */
export default class SessionController {
  /** The login form; `?next=/path` (checked to stay on this site) is where to go afterwards. */
  async create({ inertia, request }: HttpContext) {
    const next = request.input('next')
    return inertia.render('auth/login', { next: next ? safeRedirectPath(next, '') || null : null })
  }

  /**
   * Checks the credentials (attempts are counted per email and IP, and per IP, before the check;
   * a success forgives them). An inactive account gets the same answer as a wrong password, so the
   * form never confirms a password. An account with a second factor goes on to its code form,
   * still logged out. Otherwise a fresh session (new id, tracked for the sessions page) and the
   * page the user asked for, when it is on this site.
   */
  async store(ctx: HttpContext) {
    const { request, response } = ctx
    const { email, password, remember, next } = await request.validateUsing(createSessionValidator)

    const user = await verifyLogin(email, password, request.ip())
    const options = { remember: remember === true, next: next ?? null }
    if (hasSecondFactor(user)) {
      startPendingLogin(ctx, user, options)
      return response.redirect().toRoute('session.two_factor.create')
    }
    return completeLogin(ctx, user, options)
  }

  /** Ends the session, its tracking and its "remember me" token. */
  async destroy(ctx: HttpContext) {
    const { auth, response, session } = ctx
    await endTrackedSession(ctx, auth.getUserOrFail())
    await auth.use('web').logout()
    session.flash('success', 'You are logged out.')
    session.flash(CLEAR_HISTORY_FLASH, true)
    return response.redirect().toRoute('session.create')
  }
}
