import type { HttpContext } from '@adonisjs/core/http'
import AccessToken from '#models/access_token'
import AccessTokenTransformer from '#transformers/access_token_transformer'
import { issueAccessToken } from '#services/accounts/access_tokens'
import { tokenAbilityGroups, sortedTokenAbilities } from '#services/accounts/token_abilities'
import { createAccessTokenValidator, updateAccessTokenValidator } from '#validators/access_token'

/** The flash key that carries a new token's secret to the one page that shows it. */
const NEW_TOKEN_FLASH = 'newAccessToken'

/** What the page shows once about a token just created. */
type NewTokenFlash = { id: number; name: string; token: string }

/** Settings: the user's personal access tokens for the API. */
export default class TokensController {
  /** The user's tokens, newest first, the abilities they may hold and a just-created secret. */
  async index({ auth, inertia, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const tokens = await AccessToken.query().where('tokenable_id', user.id).orderBy('id', 'desc')
    const created: NewTokenFlash | null = session.flashMessages.get(NEW_TOKEN_FLASH) ?? null

    return inertia.render('settings/tokens', {
      tokens: AccessTokenTransformer.transform(tokens),
      abilityGroups: tokenAbilityGroups(),
      created,
    })
  }

  /** Creates a token; its secret is flashed to the next page, once, and never stored. */
  async store({ auth, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const payload = await request.validateUsing(createAccessTokenValidator, {
      meta: { userId: user.id },
    })

    const token = await issueAccessToken(user, payload)
    session.flash(NEW_TOKEN_FLASH, {
      id: Number(token.identifier),
      name: payload.name,
      token: token.value!.release(),
    } satisfies NewTokenFlash)
    return response.redirect().toRoute('settings.tokens.index')
  }

  /** Changes the abilities of one of the user's tokens (another user's token is a 404). */
  async update({ auth, params, request, response, session }: HttpContext) {
    const token = await ownedToken(auth.getUserOrFail().id, params.id)
    const { abilities } = await request.validateUsing(updateAccessTokenValidator)

    token.abilities = sortedTokenAbilities(abilities)
    await token.save()
    session.flash('success', `The abilities of "${token.name}" were saved.`)
    return response.redirect().toRoute('settings.tokens.index')
  }

  /** Revokes one of the user's tokens (another user's token is a 404). */
  async destroy({ auth, params, response, session }: HttpContext) {
    const token = await ownedToken(auth.getUserOrFail().id, params.id)

    await token.delete()
    session.flash('success', `The token "${token.name}" was revoked.`)
    return response.redirect().toRoute('settings.tokens.index')
  }
}

/** The token `id` of the user `userId`, or a 404. */
function ownedToken(userId: number, id: number | string) {
  return AccessToken.query().where('tokenable_id', userId).where('id', id).firstOrFail()
}
