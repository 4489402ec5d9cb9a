import User from '#models/user'
import type { HttpContext } from '@adonisjs/core/http'
import { signupValidator } from '#validators/user'
import { startTrackedSession } from '#services/session_tracker'
import { sendVerificationMail } from '#services/email_verification'

/** Creating an account. */
export default class SignupController {
  /** The sign-up form. */
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/signup', {})
  }

  /** Creates the account, logs it in and mails the link that verifies the address. */
  async store(ctx: HttpContext) {
    const { request, auth, response, session } = ctx
    const { fullName, email, password } = await request.validateUsing(signupValidator)

    const user = await User.create({ fullName, email, password })
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
