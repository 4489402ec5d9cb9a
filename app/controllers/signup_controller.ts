import User from '#models/user'
import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import { signupValidator } from '#validators/user'
import { consumeOrThrow, signupLimiter } from '#services/account_throttle'
import { startTrackedSession } from '#services/session_tracker'
import { sendVerificationMail } from '#services/email_verification'

/**
 * Creates the user; when another request took the same email between validation and insert, the
 * database's unique index answers and the form shows the same error as the validator would.
 */
async function createUnlessTaken(values: { fullName: string; email: string; password: string }) {
  try {
    return await User.create(values)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new errors.E_VALIDATION_ERROR([
        { field: 'email', message: 'The email has already been taken', rule: 'database.unique' },
      ])
    }
    throw error
  }
}

/** Creating an account. */
export default class SignupController {
  /** The sign-up form. */
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/signup', {})
  }

  /** Creates the account, logs it in and mails the link that verifies the address. */
  async store(ctx: HttpContext) {
    const { request, auth, response, session } = ctx
    await consumeOrThrow(
      signupLimiter(),
      `signup:${request.ip()}`,
      (wait) => `Too many sign-ups from your network. Try again in ${wait}.`
    )
    const { fullName, email, password } = await request.validateUsing(signupValidator)

    const user = await createUnlessTaken({ fullName, email, password })
    await auth.use('web').login(user)
    await startTrackedSession(ctx, user)

    const mailed = await sendVerificationMail(user)
    session.flash(
      mailed ? 'success' : 'error',
      mailed
        ? `Welcome to Atrium! We sent a link to ${email} to verify your address.`
        : 'Your account is ready, but the verification mail could not be sent. Send it again from the banner.'
    )
    return response.redirect().toRoute('home')
  }
}
