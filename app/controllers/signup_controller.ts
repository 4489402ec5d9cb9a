import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { IANAZone } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { createUserValidator } from '#validators/user'
import { safeRedirectPath } from '#services/http/safe_redirect'
import { INTENDED_URL_KEY } from '#services/accounts/session_keys'
import { consumeOrThrow, signupLimiter } from '#services/accounts/account_throttle'
import { startTrackedSession } from '#services/accounts/session_tracker'
import { queueVerificationMail } from '#services/accounts/email_verification'

/** Creating an account. */
export default class SignupController {
  /** The sign-up form; `?email=` fills in the address (an invitation's link sends it). */
  async create({ inertia, request }: HttpContext) {
    const email = request.qs().email
    return inertia.render('auth/signup', {
      email: typeof email === 'string' ? email.slice(0, 254) : '',
    })
  }

  /**
   * Creates the account, logs it in, mails the link that verifies the address, and goes where the
   * visitor was headed (an invitation), else home.
   */
  async store(ctx: HttpContext) {
    const { request, auth, response, session } = ctx
    await consumeOrThrow(
      signupLimiter(),
      `signup:${request.ip()}`,
      (wait) => `Too many sign-ups from your network. Try again in ${wait}.`
    )
    const { fullName, email, password, timeZone } = await request.validateUsing(createUserValidator)

    // Another sign-up taking the same email meanwhile meets the unique index: the exception
    // handler answers as the validator would have.
    const user = await db.transaction(async (trx) => {
      const created = await User.create(
        {
          fullName,
          email,
          password,
          // The page never shows this field: a zone the server does not know falls back to UTC.
          timeZone: timeZone && IANAZone.isValidZone(timeZone) ? timeZone : 'UTC',
        },
        { client: trx }
      )
      await queueVerificationMail(created, { client: trx })
      return created
    })
    await auth.use('web').login(user)
    await startTrackedSession(ctx, user)

    session.flash(
      'success',
      `Welcome to Atrium! We sent a link to ${email} to verify your address.`
    )
    return response.redirect(safeRedirectPath(session.pull(INTENDED_URL_KEY)))
  }
}
