import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { regenerateRecoveryCodes } from '#services/two_factor/recovery_codes'
import { newTotpSecret, sealTotpSecret, totpOf } from '#services/two_factor/totp_secret'

/** The step of TOTP codes, in milliseconds. */
export const STEP_MS = 30_000

/**
 * Turns two-factor sign-in on for `user` as a confirmed setup leaves it (no step used yet), and
 * returns the base32 secret and the recovery codes, for the test to compute and type codes.
 */
export async function enableTotp(user: User): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secret = newTotpSecret()
  user.twoFactorSecret = sealTotpSecret(secret)
  user.twoFactorConfirmedAt = DateTime.now()
  await user.save()
  const recoveryCodes = await db.transaction((trx) => regenerateRecoveryCodes(user, trx))
  return { secret, recoveryCodes }
}

/** The code an authenticator app shows for `secret`, `steps` steps from now (0: the current one). */
export function totpCode(secret: string, steps = 0): string {
  return totpOf(secret).generate({ timestamp: Date.now() + steps * STEP_MS })
}

/** A 6-digit code the app does not show for `secret` now, nor one step either side. */
export function wrongTotpCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((steps) => totpCode(secret, steps)))
  let candidate = 123456
  while (valid.has(String(candidate))) candidate++
  return String(candidate)
}
