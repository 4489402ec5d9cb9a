import type { HttpContext } from '@adonisjs/core/http'
import type { AuthenticationResponseJSON } from '@simplewebauthn/server'
import { createPasskeySessionValidator } from '#validators/passkey'
import { completeLogin } from '#services/accounts/pending_login'
import { verifyPasskeyLogin } from '#services/accounts/passkey_authentication'

/** Logging in with a passkey, alone or as the second step after the password. */
export default class PasskeyLoginController {
  /**
   * Checks the browser's answer to the challenge of `POST /login/passkey/options` and logs the
   * passkey's user in. As a second step, the login that waited for it finishes with its own
   * "remember me" and destination; alone, with the ones sent along.
   */
  async store(ctx: HttpContext) {
    const { credential, remember, next } = await ctx.request.validateUsing(
      createPasskeySessionValidator
    )

    const { user, pending } = await verifyPasskeyLogin(
      ctx,
      credential as AuthenticationResponseJSON
    )
    const options = pending
      ? { remember: pending.remember, next: pending.next }
      : { remember: remember === true, next: next ?? null }
    return completeLogin(ctx, user, { ...options, method: 'passkey' })
  }
}
