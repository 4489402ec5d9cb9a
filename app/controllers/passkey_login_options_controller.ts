import type { HttpContext } from '@adonisjs/core/http'
import { authenticationOptions } from '#services/accounts/passkey_authentication'

/** Logging in with a passkey: the challenge the browser answers (JSON). */
export default class PasskeyLoginOptionsController {
  /**
   * Any passkey of this site may answer; during the second step of a login, only those of the
   * user whose password passed.
   */
  async store(ctx: HttpContext) {
    return authenticationOptions(ctx)
  }
}
