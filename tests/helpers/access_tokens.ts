import type User from '#models/user'
import { issueAccessToken } from '#services/accounts/access_tokens'

/**
 * A personal access token of `user` (90 days, `task.view` unless told), with its secret for an
 * `Authorization: Bearer` header.
 */
export async function tokenOf(user: User, name: string, abilities: string[] = ['task.view']) {
  const token = await issueAccessToken(user, { name, abilities, lifetimeDays: 90 })
  return { id: Number(token.identifier), secret: token.value!.release() }
}
