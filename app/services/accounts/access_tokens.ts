import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import { sortedTokenAbilities } from '#services/accounts/token_abilities'

/** What a new personal access token is made of. */
export type NewAccessToken = {
  name: string
  abilities: readonly string[]
  /** Days until it expires (the validators keep it to `TOKEN_LIFETIMES_DAYS`). */
  lifetimeDays: number
}

/**
 * Creates a personal access token of `user` and returns it with its secret (`token.value`), the
 * only time the secret exists outside the client: the database keeps its hash.
 */
export async function issueAccessToken(user: User, token: NewAccessToken) {
  return User.accessTokens.create(user, sortedTokenAbilities(token.abilities), {
    name: token.name,
    expiresIn: token.lifetimeDays * 24 * 60 * 60,
  })
}

/**
 * Revokes every personal access token of `user`, in `client` (a transaction) when given: when the
 * way they sign in gets stricter (two-factor sign-in turned on, a second factor reset), tokens
 * made with less must not outlive it.
 */
export async function revokeAccessTokens(
  user: User,
  client: QueryClientContract = db.connection()
) {
  await client.from('auth_access_tokens').where('tokenable_id', user.id).delete()
}
