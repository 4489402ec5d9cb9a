import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import { openTotpSecret, totpOf } from '#services/two_factor/totp_secret'

/** Codes of the previous and the next 30 second step are accepted too (clocks drift). */
const WINDOW = 1

/** A code as people type it: digits, perhaps with spaces ("123 456"). */
function normalized(code: string): string {
  return code.replace(/\s+/g, '')
}

/**
 * The time step of `code` for the user's stored secret, or null when it is not a code of the
 * current step or of one step either side.
 */
export function stepOfCode(user: User, code: string, timestamp = Date.now()): number | null {
  const secret = openTotpSecret(user.twoFactorSecret)
  if (!secret) return null
  const totp = totpOf(secret)
  const token = normalized(code)
  if (!/^\d{6}$/.test(token)) return null
  const delta = totp.validate({ token, timestamp, window: WINDOW })
  return delta === null ? null : totp.counter({ timestamp }) + delta
}

/**
 * Accepts a code from the user's authenticator app once: the code must be of the current step or
 * one either side, and of a later step than the last accepted one. The step is claimed with a
 * conditional UPDATE, so of two requests with the same code only one passes.
 */
export async function consumeTotpCode(
  user: User,
  code: string,
  options: { client?: TransactionClientContract; timestamp?: number } = {}
): Promise<boolean> {
  const step = stepOfCode(user, code, options.timestamp)
  if (step === null) return false

  const claimed = await (options.client ?? db)
    .from('users')
    .where('id', user.id)
    .where((query) => {
      query.whereNull('two_factor_last_step').orWhere('two_factor_last_step', '<', step)
    })
    .update({ two_factor_last_step: step })
  if (Number(claimed) !== 1) return false

  // The row now holds the step: the model says so too, without making it a change to save.
  user.$attributes.twoFactorLastStep = step
  user.$original.twoFactorLastStep = step
  return true
}
