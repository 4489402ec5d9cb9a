import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import {
  consumeOrThrow,
  twoFactorLimiter,
  twoFactorUserLimiter,
} from '#services/accounts/account_throttle'
import { endUserSessions } from '#services/accounts/session_tracker'
import { consumeTotpCode } from '#services/two_factor/totp_verification'
import { consumeRecoveryCode } from '#services/two_factor/recovery_codes'
import { mailSecurityEvent } from '#services/two_factor/security_mail'

/** What the second step of a login was given: a code from the app, or else a recovery code. */
export type SecondStepProof = { code?: string | null; recoveryCode?: string | null }

/** Which proof passed the second step. */
export type SecondStepPassed = 'totp' | 'recovery_code'

/** The answer of a second step refused by a counter ("Too many failed codes. Try again in…"). */
const tooMany = (wait: string) => `Too many failed codes. Try again in ${wait}.`

/**
 * The second step of every way to log in (the login form, the API's token login), counted before
 * the check per user and IP (5 tries per 5 minutes; a pass forgives them) and per user whatever
 * the IP (10 tries per 15 minutes; a pass gives back only its own try, so a password thief
 * spreading guesses over many addresses still hits the lock). The try that locks the user out
 * mails them. A code from the app passes once; a recovery code passes once, ends the user's other
 * sessions and mails them. Returns which proof passed, or null when none did (nothing changes
 * then but the counters).
 */
export async function verifySecondStep(
  user: User,
  proof: SecondStepProof,
  ip: string
): Promise<SecondStepPassed | null> {
  const ipKey = `two-factor:${user.id}:${ip}`
  const userKey = `two-factor-user:${user.id}`
  await consumeOrThrow(twoFactorLimiter(), ipKey, tooMany)
  const perUser = await consumeOrThrow(twoFactorUserLimiter(), userKey, tooMany)

  const passed = await check(user, proof)
  if (passed) {
    await twoFactorLimiter().delete(ipKey)
    await twoFactorUserLimiter().decrement(userKey)
  } else if (perUser.remaining === 0) {
    await mailSecurityEvent(user, 'two_factor_attempts')
  }
  return passed
}

async function check(user: User, proof: SecondStepProof): Promise<SecondStepPassed | null> {
  if (proof.code) return (await consumeTotpCode(user, proof.code)) ? 'totp' : null
  if (!proof.recoveryCode) return null

  const recoveryCode = proof.recoveryCode
  return db.transaction(async (trx) => {
    if (!(await consumeRecoveryCode(user, recoveryCode, trx))) return null
    await endUserSessions(user, trx)
    await mailSecurityEvent(user, 'recovery_code_used', trx)
    return 'recovery_code' as const
  })
}
