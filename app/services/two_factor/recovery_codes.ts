import { createHmac, randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import { appKey } from '#config/app'

/** How many recovery codes a user gets at a time. */
export const RECOVERY_CODE_COUNT = 10

const TABLE = 'two_factor_recovery_codes'

/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** One random code, `xxxxx-xxxxx` (10 characters of 31: about 49 bits). */
function newRecoveryCode(): string {
  const characters = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)])
  return `${characters.slice(0, 5).join('')}-${characters.slice(5).join('')}`
}

/** A code as typed: lower case, without spaces; the dash is optional. */
function normalized(code: string): string {
  const compact = code
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '')
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact
}

/**
 * The stored form of a code: an HMAC-SHA256 keyed with the app key. The codes are random and
 * long, so a fast keyed hash is enough, and a copy of the table alone tells nothing.
 */
export function recoveryCodeHash(code: string): string {
  return createHmac('sha256', appKey.release()).update(normalized(code)).digest('hex')
}

/**
 * Replaces the user's recovery codes with new ones and returns them: the only time they exist in
 * clear, to be shown once.
 */
export async function regenerateRecoveryCodes(
  user: User,
  trx: TransactionClientContract
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  const now = DateTime.now().toFormat(trx.dialect.dateTimeFormat)
  await trx.from(TABLE).where('user_id', user.id).delete()
  await trx.table(TABLE).multiInsert(
    codes.map((code) => ({
      user_id: user.id,
      code_hash: recoveryCodeHash(code),
      created_at: now,
    }))
  )
  return codes
}

/**
 * Uses one of the user's recovery codes: true when it was theirs and unused, and it is now used.
 * The code is claimed with a conditional UPDATE, so two requests with one code cannot both pass.
 */
export async function consumeRecoveryCode(
  user: User,
  code: string,
  client: QueryClientContract = db.connection()
): Promise<boolean> {
  if (normalized(code).length !== 11) return false
  const claimed = await client
    .from(TABLE)
    .where('user_id', user.id)
    .where('code_hash', recoveryCodeHash(code))
    .whereNull('used_at')
    .update({ used_at: DateTime.now().toFormat(client.dialect.dateTimeFormat) })
  return Number(claimed) >= 1
}

/** How many of the user's recovery codes are still unused. */
export async function remainingRecoveryCodes(user: User): Promise<number> {
  const [row] = await db.from(TABLE).where('user_id', user.id).whereNull('used_at').count('* as n')
  return Number(row.n)
}

/** Deletes every recovery code of the user (two-factor sign-in turned off or reset). */
export async function deleteRecoveryCodes(user: User, trx: TransactionClientContract) {
  await trx.from(TABLE).where('user_id', user.id).delete()
}
