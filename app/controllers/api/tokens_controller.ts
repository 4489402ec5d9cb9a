import type { HttpContext } from '@adonisjs/core/http'
import { verifyLogin } from '#services/accounts/login_attempt'
import { issueAccessToken } from '#services/accounts/access_tokens'
import { tokenAbilities } from '#services/accounts/token_abilities'
import { createApiTokenValidator, createTokenNameValidator } from '#validators/access_token'
import { DEFAULT_TOKEN_LIFETIME_DAYS } from '#shared/access_tokens'

/** The API's token login: an app trades the account's email and password for a token. */
export default class TokensController {
  /**
   * Checks the credentials as the login form does, against the same counters; then issues a
   * token with every ability unless fewer were asked, for the default lifetime. A name the user
   * already gave a token is refused (422) once the credentials are checked, so the answer never
   * tells a stranger which names an account uses.
   */
  async store({ request, response }: HttpContext) {
    const { email, password, name, abilities } =
      await request.validateUsing(createApiTokenValidator)
    const user = await verifyLogin(email, password, request.ip())
    await createTokenNameValidator.validate({ name }, { meta: { userId: user.id } })

    const token = await issueAccessToken(user, {
      name,
      abilities: abilities ?? tokenAbilities(),
      lifetimeDays: DEFAULT_TOKEN_LIFETIME_DAYS,
    })
    return response.status(201).send({
      data: {
        id: Number(token.identifier),
        name: token.name,
        abilities: token.abilities,
        expiresAt: token.expiresAt?.toISOString() ?? null,
        token: token.value!.release(),
      },
    })
  }
}
