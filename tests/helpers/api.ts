import { randomUUID } from 'node:crypto'
import type User from '#models/user'
import { tokenOf } from '#tests/helpers/access_tokens'
import { TOKEN_ABILITIES } from '#services/accounts/token_abilities'

/**
 * A new personal access token of `user` with `abilities` (every ability by default), as the
 * secret a client sends in `Authorization: Bearer …`.
 */
export async function bearerTokenOf(
  user: User,
  abilities: string[] = TOKEN_ABILITIES
): Promise<string> {
  const token = await tokenOf(user, `test ${randomUUID()}`, abilities)
  return token.secret
}
