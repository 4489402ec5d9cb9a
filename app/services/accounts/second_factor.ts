import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import Passkey from '#models/passkey'
import { clearTotp, hasConfirmedTotp } from '#services/two_factor/totp_setup'
import { revokeAccessTokens } from '#services/accounts/access_tokens'

/**
 * Whether a login of this user needs a second step after the password: an authenticator app is
 * confirmed. A passkey is a way to log in (alone, or as that second step), not a step added to
 * the password: an account with passkeys but no app still logs in with the password alone.
 */
export function hasSecondFactor(user: User): boolean {
  return hasConfirmedTotp(user)
}

/**
 * The ids of those `users` who have anything an admin's reset would remove: an app (even
 * unconfirmed) or a passkey. One query, for the passkeys of the users without an app.
 */
export async function usersWithResettableFactor(
  users: User[],
  trx: TransactionClientContract
): Promise<Set<number>> {
  const ids = new Set(users.filter((user) => user.twoFactorSecret).map((user) => user.id))
  const withoutApp = users.filter((user) => !ids.has(user.id)).map((user) => user.id)
  if (withoutApp.length === 0) return ids

  const passkeys = await Passkey.query({ client: trx })
    .whereIn('userId', withoutApp)
    .distinct('userId')
  for (const passkey of passkeys) ids.add(passkey.userId)
  return ids
}

/**
 * Removes every second factor of the user (an admin's reset for someone who lost their phone):
 * the authenticator app, the recovery codes and the passkeys, in `trx`. Their personal access
 * tokens are revoked too: whoever holds the account after a reset must not keep the API through
 * old tokens.
 */
export async function resetSecondFactor(user: User, trx: TransactionClientContract) {
  await clearTotp(user, trx)
  await Passkey.query({ client: trx }).where('userId', user.id).delete()
  await revokeAccessTokens(user, trx)
}
