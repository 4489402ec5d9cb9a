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
