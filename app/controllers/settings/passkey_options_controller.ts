import type { HttpContext } from '@adonisjs/core/http'
import { createPasskeyNameValidator } from '#validators/passkey'
import { registrationOptions } from '#services/accounts/passkey_registration'

/** Settings: the challenge the browser answers to make a new passkey (JSON). */
export default class PasskeyOptionsController {
  /**
   * Checks the name first (so a taken one is refused before the authenticator is asked), then
   * answers the browser's registration options; the challenge waits in the session.
   */
  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    await ctx.request.validateUsing(createPasskeyNameValidator, { meta: { userId: user.id } })
    return registrationOptions(ctx, user)
  }
}
