import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import { deleteAccountValidator } from '#validators/user'
import { updateTwoFactorValidator } from '#validators/two_factor'
import { assertCurrentPassword } from '#services/accounts/current_password'
import { restartUserSessions } from '#services/accounts/session_tracker'
import { remainingRecoveryCodes } from '#services/two_factor/recovery_codes'
import { flashedRecoveryCodes, flashRecoveryCodes } from '#services/two_factor/shown_once'
import { openTotpSecret, otpauthQrSvg } from '#services/two_factor/totp_secret'
import {
  confirmTotpSetup,
  hasConfirmedTotp,
  startTotpSetup,
  turnOffTotp,
} from '#services/two_factor/totp_setup'

/** Settings: two-factor sign-in with an authenticator app. */
export default class TwoFactorController {
  /**
   * Off, being set up (the QR code drawn on the server, the secret as text for typing in) or on
   * (how many recovery codes are left; new codes, once, right after they were made).
   */
  async edit(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const on = hasConfirmedTotp(user)
    const secret = on ? null : openTotpSecret(user.twoFactorSecret)

    return ctx.inertia.render('settings/two_factor', {
      status: on ? ('on' as const) : secret ? ('setting_up' as const) : ('off' as const),
      setup: secret ? { secret, qrSvg: await otpauthQrSvg(secret, user.email) } : null,
      remainingRecoveryCodes: on ? await remainingRecoveryCodes(user) : null,
      recoveryCodes: on ? flashedRecoveryCodes(ctx) : null,
    })
  }

  /**
   * After the password (a session alone must not enrol an app), starts setting up an
   * authenticator app: a new secret, not in force until confirmed. Refused, with nothing changed,
   * when two-factor sign-in is already on.
   */
  async store({ auth, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const { password } = await request.validateUsing(deleteAccountValidator)
    await assertCurrentPassword(user, password)

    if (hasConfirmedTotp(user) || !(await startTotpSetup(user))) {
      session.flash('error', 'Two-factor sign-in is already on.')
    }
    return response.redirect().toRoute('settings.two_factor.edit')
  }

  /**
   * Confirms the app with its first code: two-factor sign-in is on, every other session and every
   * personal access token ends, and the recovery codes are shown once. A wrong code changes
   * nothing.
   */
  async update(ctx: HttpContext) {
    const { auth, request, response, session } = ctx
    const user = auth.getUserOrFail()
    const { code } = await request.validateUsing(updateTwoFactorValidator)

    const codes = await confirmTotpSetup(user, code)
    if (!codes) {
      throw new errors.E_VALIDATION_ERROR([
        {
          field: 'code',
          message: 'The code is incorrect. Enter the newest code your app shows.',
          rule: 'second_factor',
        },
      ])
    }
    await restartUserSessions(ctx, user)
    flashRecoveryCodes(ctx, codes)
    session.flash(
      'success',
      'Two-factor sign-in is on. Your other sessions were logged out and your API tokens revoked.'
    )
    return response.redirect().toRoute('settings.two_factor.edit')
  }

  /** Turns two-factor sign-in off, after the password. */
  async destroy({ auth, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const { password } = await request.validateUsing(deleteAccountValidator)
    await assertCurrentPassword(user, password)

    await turnOffTotp(user)
    session.flash('success', 'Two-factor sign-in is off.')
    return response.redirect().toRoute('settings.two_factor.edit')
  }
}
