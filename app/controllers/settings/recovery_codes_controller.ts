import type { HttpContext } from '@adonisjs/core/http'
import { deleteAccountValidator } from '#validators/user'
import { assertCurrentPassword } from '#services/accounts/current_password'
import { restartUserSessions } from '#services/accounts/session_tracker'
import { flashRecoveryCodes } from '#services/two_factor/shown_once'
import { hasConfirmedTotp, replaceRecoveryCodes } from '#services/two_factor/totp_setup'

/** Settings: new recovery codes for two-factor sign-in. */
export default class RecoveryCodesController {
  /**
   * After the password, new codes replace the old ones and are shown once; every other session
   * ends (whoever saw the old codes may have used one).
   */
  async store(ctx: HttpContext) {
    const { auth, request, response, session } = ctx
    const user = auth.getUserOrFail()
    const { password } = await request.validateUsing(deleteAccountValidator)
    await assertCurrentPassword(user, password)
    if (!hasConfirmedTotp(user)) {
      session.flash('error', 'Turn on two-factor sign-in first.')
      return response.redirect().toRoute('settings.two_factor.edit')
    }

    const codes = await replaceRecoveryCodes(user)
    await restartUserSessions(ctx, user)
    flashRecoveryCodes(ctx, codes)
    session.flash('success', 'New recovery codes made. Your other sessions were logged out.')
    return response.redirect().toRoute('settings.two_factor.edit')
  }
}
