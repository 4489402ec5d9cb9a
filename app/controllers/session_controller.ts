import User from '#models/user'
import type { HttpContext } from '@adonisjs/core/http'
import { createSessionValidator } from '#validators/session'
import { safeRedirectPath } from '#services/safe_redirect'
import { waitTimeInWords } from '#services/wait_time'
import { emailAndIpKey, loginLimiter } from '#services/account_throttle'
import { endTrackedSession, startTrackedSession } from '#services/session_tracker'

/** Session key of the page a guest asked for before being sent to log in. */
export const INTENDED_URL_KEY = 'intended_url'

/** Logging in and out with email and password. */
export default class SessionController {
  /** The login form; `?next=/path` (checked to stay on this site) is where to go afterwards. */
  async create({ inertia, request }: HttpContext) {
    const next = request.input('next')
    return inertia.render('auth/login', { next: next ? safeRedirectPath(next, '') || null : null })
  }

  /**
   * Checks the credentials (failed attempts are throttled per email and IP), refuses inactive
   * accounts, starts a fresh session (new id, tracked for the sessions page) and goes to the page
   * the user asked for, when it is on this site.
   */
  async store(ctx: HttpContext) {
    const { request, auth, response, session } = ctx
    const { email, password, remember, next } = await request.validateUsing(createSessionValidator)

    const [throttled, user] = await loginLimiter().penalize(
      emailAndIpKey('login', email, request.ip()),
      () => User.verifyCredentials(email, password)
    )
    if (throttled) {
      throw throttled.setMessage(
        `Too many failed logins. Try again in ${waitTimeInWords(throttled.response.availableIn)}.`
      )
    }

    if (!user.isActive) {
      session.flashExcept(['password'])
      session.flash('error', 'This account is inactive. Contact an administrator.')
      return response.redirect().back()
    }

    await auth.use('web').login(user, remember === true)
    await startTrackedSession(ctx, user)

    const intended = session.pull(INTENDED_URL_KEY)
    session.flash('success', `Welcome back, ${user.fullName}.`)
    return response.redirect(next ?? safeRedirectPath(intended))
  }

  /** Ends the session, its tracking and its "remember me" token. */
  async destroy(ctx: HttpContext) {
    const { auth, response, session } = ctx
    await endTrackedSession(ctx, auth.getUserOrFail())
    await auth.use('web').logout()
    session.flash('success', 'You are logged out.')
    return response.redirect().toRoute('session.create')
  }
}
