import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { consumeTotpCode } from '#services/two_factor/totp_verification'
import { mailSecurityEvent } from '#services/two_factor/security_mail'
import { newTotpSecret, sealTotpSecret } from '#services/two_factor/totp_secret'
import { deleteRecoveryCodes, regenerateRecoveryCodes } from '#services/two_factor/recovery_codes'
import { revokeAccessTokens } from '#services/accounts/access_tokens'

/** Whether the user's authenticator app is confirmed, so every login asks for its code. */
export function hasConfirmedTotp(user: User): boolean {
  return user.twoFactorConfirmedAt !== null && user.twoFactorSecret !== null
}

/**
 * Starts setting up an authenticator app: a new secret, not yet in force until a first code from
 * the app confirms it. Starting again replaces an unconfirmed secret, never a confirmed one: the
 * row is claimed with a conditional UPDATE (only while two-factor sign-in is off), which also
 * holds it until the new secret is saved, so a setup racing a confirmation cannot undo it.
 * Returns false (nothing changed) when two-factor sign-in is already on.
 */
export async function startTotpSetup(user: User): Promise<boolean> {
  return db.transaction(async (trx) => {
    const claimed = await trx
      .from('users')
      .where('id', user.id)
      .whereNull('two_factor_confirmed_at')
      .update({ two_factor_last_step: null })
    if (Number(claimed) !== 1) return false

    user.useTransaction(trx)
    user.twoFactorSecret = sealTotpSecret(newTotpSecret())
    user.twoFactorConfirmedAt = null
    user.twoFactorLastStep = null
    await user.save()
    return true
  })
}

/**
 * Confirms the secret being set up with a first code from the app: two-factor sign-in is on, the
 * user gets new recovery codes (returned, to be shown once) and a mail, and their personal access
 * tokens (made with the password alone) are revoked. Null when the code is wrong, or there is no
 * secret being set up, or the secret changed since `user` was loaded (a setup started again in
 * another tab); nothing changes then.
 */
export async function confirmTotpSetup(user: User, code: string): Promise<string[] | null> {
  const secret = user.twoFactorSecret
  if (!secret || user.twoFactorConfirmedAt) return null
  return db.transaction(async (trx) => {
    const claimed = await trx
      .from('users')
      .where('id', user.id)
      .where('two_factor_secret', secret)
      .whereNull('two_factor_confirmed_at')
      .update({ two_factor_secret: secret })
    if (Number(claimed) !== 1) return null
    if (!(await consumeTotpCode(user, code, { client: trx }))) return null

    user.useTransaction(trx)
    user.twoFactorConfirmedAt = DateTime.now()
    await user.save()
    const codes = await regenerateRecoveryCodes(user, trx)
    await revokeAccessTokens(user, trx)
    await mailSecurityEvent(user, 'two_factor_enabled', trx)
    return codes
  })
}

/** New recovery codes in place of the old ones (returned, to be shown once), with a mail. */
export async function replaceRecoveryCodes(user: User): Promise<string[]> {
  return db.transaction(async (trx) => {
    const codes = await regenerateRecoveryCodes(user, trx)
    await mailSecurityEvent(user, 'recovery_codes_regenerated', trx)
    return codes
  })
}

/** Turns two-factor sign-in off at the user's request: secret and recovery codes go, with a mail. */
export async function turnOffTotp(user: User): Promise<void> {
  await db.transaction(async (trx) => {
    await clearTotp(user, trx)
    await mailSecurityEvent(user, 'two_factor_disabled', trx)
  })
}

/** Forgets the user's authenticator app and recovery codes, in `trx`. */
export async function clearTotp(user: User, trx: Parameters<typeof deleteRecoveryCodes>[1]) {
  user.useTransaction(trx)
  user.twoFactorSecret = null
  user.twoFactorConfirmedAt = null
  user.twoFactorLastStep = null
  await user.save()
  await deleteRecoveryCodes(user, trx)
}
