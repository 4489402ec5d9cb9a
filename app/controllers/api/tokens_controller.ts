import type { HttpContext } from '@adonisjs/core/http'
import { verifyLogin } from '#services/accounts/login_attempt'
import { issueAccessToken } from '#services/accounts/access_tokens'
import { tokenAbilities } from '#services/accounts/token_abilities'
import { createApiTokenValidator, createTokenNameValidator } from '#validators/access_token'
import { DEFAULT_TOKEN_LIFETIME_DAYS } from '#shared/access_tokens'
import { ApiException } from '#api/api_exception'
import { hasSecondFactor } from '#services/accounts/second_factor'
import { verifySecondStep } from '#services/two_factor/second_step'

/** The API's token login: an app trades the account's email and password for a token. */
export default class TokensController {
  /**
   * Checks the credentials as the login form does, against the same counters; then issues a
   * token with every ability unless fewer were asked, for the default lifetime. A name the user
   * already gave a token is refused (422) once the credentials are checked, so the answer never
   * tells a stranger which names an account uses. An account with a second factor also needs a
   * `code` or `recoveryCode` in the same body: without one the answer is 401
   * `E_TWO_FACTOR_REQUIRED`; a wrong or used one is 401 `E_TWO_FACTOR_INVALID`, counted with the
   * login form's second step.
   */
  async store({ request, response }: HttpContext) {
    const { email, password, name, abilities, code, recoveryCode } =
      await request.validateUsing(createApiTokenValidator)
    const user = await verifyLogin(email, password, request.ip())
    if (hasSecondFactor(user)) await passSecondStep(user, { code, recoveryCode }, request.ip())
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

/** The challenge of the API's 401 answers (see app/api/problems.ts). */
const CHALLENGE = 'Bearer realm="api"'

/** The token login's second step, or the API's refusal. */
async function passSecondStep(
  user: Parameters<typeof verifySecondStep>[0],
  proof: { code?: string; recoveryCode?: string },
  ip: string
) {
  if (!proof.code && !proof.recoveryCode) {
    throw new ApiException(
      401,
      'This account uses two-factor sign-in: send "code" from its authenticator app, or a "recoveryCode".',
      { code: 'E_TWO_FACTOR_REQUIRED', headers: { 'WWW-Authenticate': CHALLENGE } }
    )
  }
  if (!(await verifySecondStep(user, proof, ip))) {
    throw new ApiException(401, 'The two-factor code is incorrect or was already used.', {
      code: 'E_TWO_FACTOR_INVALID',
      headers: { 'WWW-Authenticate': CHALLENGE },
    })
  }
}
