import User from '#models/user'
import { IANAZone } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import { signupValidator } from '#validators/user'
import { isUniqueViolation } from '#services/unique_violation'
import { safeRedirectPath } from '#services/safe_redirect'
import { INTENDED_URL_KEY } from '#services/session_keys'
import { consumeOrThrow, signupLimiter } from '#services/account_throttle'
import { startTrackedSession } from '#services/session_tracker'
import { sendVerificationMail } from '#services/email_verification'

/**
 * Creates the user; when another request took the same email between validation and insert, the
 * database's unique index answers and the form shows the same error as the validator would.
 */
async function createUnlessTaken(values: {
  fullName: string
  email: string
  password: string
  timeZone: string
}) {
  try {
    return await User.create(values)
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new errors.E_VALIDATION_ERROR([
        { field: 'email', message: 'The email has already been taken', rule: 'database.unique' },
      ])
    }
    throw error
  }
}

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
    const { fullName, email, password, timeZone } = await request.validateUsing(signupValidator)

    const user = await createUnlessTaken({
      fullName,
      email,
      password,
      // The page never shows this field: a zone the server does not know falls back to UTC.
      timeZone: timeZone && IANAZone.isValidZone(timeZone) ? timeZone : 'UTC',
    })
    await auth.use('web').login(user)
    await startTrackedSession(ctx, user)

    const mailed = await sendVerificationMail(user)
    session.flash(
      mailed ? 'success' : 'error',
      mailed
        ? `Welcome to Atrium! We sent a link to ${email} to verify your address.`
        : 'Your account is ready, but the verification mail could not be sent. Send it again from the banner.'
    )
    return response.redirect(safeRedirectPath(session.pull(INTENDED_URL_KEY)))
  }
}
