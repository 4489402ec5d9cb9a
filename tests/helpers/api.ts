import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { tokenOf } from '#tests/helpers/access_tokens'
import { tokenAbilities } from '#services/accounts/token_abilities'

/**
 * A new personal access token of `user` with `abilities` (every ability by default), as the
 * secret a client sends in `Authorization: Bearer …`. It counts as used a moment ago, so a call
 * with it costs what calls cost in steady use (the last-use time is written once a minute).
 */
export async function bearerTokenOf(
  user: User,
  abilities: string[] = tokenAbilities()
): Promise<string> {
  const token = await tokenOf(user, `test ${randomUUID()}`, abilities)
  await db.from('auth_access_tokens').where('id', token.id).update({ last_used_at: new Date() })
  return token.secret
}
