import accountsConfig from '#config/accounts'
import type { HttpContext } from '@adonisjs/core/http'
import {
  consumeOrThrow,
  emailAndIpKey,
  passwordResetLimiter,
} from '#services/accounts/account_throttle'
import { requestPasswordResetValidator, resetPasswordValidator } from '#validators/password_reset'
import {
  findUsableResetToken,
  requestPasswordReset,
  resetPassword,
} from '#services/accounts/password_reset'

/** The same words whether or not an account has the address: nobody learns who is registered. */
const LINK_SENT =
  'If an account uses that address, we sent it a link to reset the password. Check your inbox.'

const LINK_UNUSABLE = 'This reset link is invalid, used or expired. Ask for a new one.'

/** "Forgot password": asking for a reset link, and choosing a new password with it. */
export default class PasswordResetController {
  /** The form that asks for the account's email. */
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/forgot_password', {})
  }

  /** Mails a reset link when the account exists; answers the same either way. Throttled. */
  async store({ request, response, session }: HttpContext) {
    const { email } = await request.validateUsing(requestPasswordResetValidator)
    await consumeOrThrow(
      passwordResetLimiter(),
      emailAndIpKey('reset', email, request.ip()),
      (wait) => `Too many reset requests. Try again in ${wait}.`
    )

    await requestPasswordReset(email)
    session.flash('success', LINK_SENT)
    return response.redirect().toRoute('password.forgot')
  }

  /** The "choose a new password" form behind the mailed link. */
  async edit({ inertia, params }: HttpContext) {
    const row = await findUsableResetToken(params.token)
    return inertia.render('auth/reset_password', {
      token: params.token as string,
      email: row?.user.email ?? null,
      expiresInMinutes: accountsConfig.passwordResetExpiresInMinutes,
    })
  }

  /** Sets the new password with the token (once), ends every session, and asks to log in. */
  async update({ request, params, response, session }: HttpContext) {
    const row = await findUsableResetToken(params.token)
    if (!row) {
      session.flash('error', LINK_UNUSABLE)
      return response.redirect().toRoute('password.forgot')
    }

    const { password } = await request.validateUsing(resetPasswordValidator, {
      meta: { user: row.user },
    })
    const user = await resetPassword(params.token, password)
    if (!user) {
      session.flash('error', LINK_UNUSABLE)
      return response.redirect().toRoute('password.forgot')
    }

    session.flash('success', 'Your password has been reset. Log in with the new one.')
    return response.redirect().toRoute('session.create')
  }
}
