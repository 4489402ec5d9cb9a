import type { HttpContext } from '@adonisjs/core/http'
import type { RegistrationResponseJSON } from '@simplewebauthn/server'
import Passkey from '#models/passkey'
import PasskeyTransformer from '#transformers/passkey_transformer'
import { createPasskeyValidator } from '#validators/passkey'
import { registerPasskey } from '#services/accounts/passkey_registration'
import { removePasskey } from '#services/accounts/passkey_removal'

/** Settings: the passkeys the user logs in with. */
export default class PasskeysController {
  /** The user's passkeys, oldest first. */
  async index({ auth, inertia }: HttpContext) {
    const user = auth.getUserOrFail()
    const passkeys = await Passkey.query().where('user_id', user.id).orderBy('id', 'asc')

    return inertia.render('settings/passkeys', {
      passkeys: PasskeyTransformer.transform(passkeys),
    })
  }

  /**
   * Stores the passkey the browser made for the challenge of
   * `POST /settings/passkeys/options` under the name the user gave it, and mails the user.
   */
  async store(ctx: HttpContext) {
    const { auth, request, response, session } = ctx
    const user = auth.getUserOrFail()
    const { name, credential } = await request.validateUsing(createPasskeyValidator, {
      meta: { userId: user.id },
    })

    await registerPasskey(ctx, user, name, credential as RegistrationResponseJSON)
    session.flash('success', `The passkey "${name}" was added.`)
    return response.redirect().toRoute('settings.passkeys.index')
  }

  /**
   * Removes one of the user's passkeys (another user's is a 404), mails the user and logs out
   * their other sessions.
   */
  async destroy(ctx: HttpContext) {
    const { auth, params, response, session } = ctx
    const user = auth.getUserOrFail()
    const passkey = await Passkey.query()
      .where('user_id', user.id)
      .where('id', params.id)
      .firstOrFail()

    await removePasskey(ctx, user, passkey)
    session.flash(
      'success',
      `The passkey "${passkey.name}" was removed. Your other sessions were logged out.`
    )
    return response.redirect().toRoute('settings.passkeys.index')
  }
}
