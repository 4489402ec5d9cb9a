import User from '#models/user'

/**
 * A personal access token of `user` with `abilities` (all of them by default), as the secret a
 * client sends in `Authorization: Bearer …`.
 */
export async function bearerTokenOf(user: User, abilities: string[] = ['*']): Promise<string> {
  const token = await User.accessTokens.create(user, abilities)
  return token.value!.release()
}
