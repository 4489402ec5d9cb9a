import { DateTime } from 'luxon'
import User from '#models/user'
import type { HttpContext } from '@adonisjs/core/http'
import { consumeOrThrow, verificationMailLimiter } from '#services/accounts/account_throttle'
import {
  VERIFY_EMAIL_PURPOSE,
  emailDigest,
  queueVerificationMail,
} from '#services/accounts/email_verification'

/** Verifying that an account's email address belongs to its owner. */
export default class EmailVerificationController {
  /** "Check your inbox": where unverified users land when verification is required. */
  async notice({ inertia, auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    if (user.emailVerifiedAt) return response.redirect().toRoute('home')
    return inertia.render('auth/verify_email', { email: user.email })
  }

  /**
   * Follows the link from the mail. It must carry a valid, unexpired signature and name the
   * account's current address; then the address is marked verified. Works without logging in.
   */
  async verify({ request, params, response, session }: HttpContext) {
    const user = request.hasValidSignature(VERIFY_EMAIL_PURPOSE) ? await User.find(params.id) : null

    if (!user || params.hash !== emailDigest(user.email)) {
      session.flash('error', 'This verification link is invalid or has expired. Ask for a new one.')
      return response.redirect().toRoute('home')
    }

    if (!user.emailVerifiedAt) {
      user.emailVerifiedAt = DateTime.now()
      await user.save()
    }
    session.flash('success', 'Your email address is verified.')
    return response.redirect().toRoute('home')
  }

  /** Mails the link again, at most 3 times per 15 minutes. */
  async send({ auth, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    if (user.emailVerifiedAt) {
      session.flash('success', 'Your email address is already verified.')
      return response.redirect().back()
    }

    await consumeOrThrow(
      verificationMailLimiter(),
      `verify:${user.id}`,
      (wait) => `You asked for too many verification mails. Try again in ${wait}.`
    )
    await queueVerificationMail(user)
    session.flash('success', `We sent a new verification link to ${user.email}.`)
    return response.redirect().back()
  }
}
