import env from '#start/env'
import { DateTime } from 'luxon'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import { queueMail } from '#mails/queue_mail'
import accountsConfig from '#config/accounts'
import PasswordResetToken from '#models/password_reset_token'
import { endUserSessions } from '#services/accounts/session_tracker'
import { randomSecret, sha256 } from '#services/accounts/hashing'
import ResetPasswordNotification from '#mails/reset_password_notification'

/**
 * Starts a password reset for an email address. When an active account has that address, a new
 * single-use token is stored (as a hash) and mailed as a link; earlier unused tokens stop working.
 * Nothing tells the caller whether the account exists: the answer to the person is always the same.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await User.query().where('email', email).where('is_active', true).first()
  if (!user) return

  const token = randomSecret()
  const url = new URL(`/reset-password/${token}`, env.get('APP_URL')).href
  // The mail is queued with the token, in its transaction: no token without its mail, and no mail
  // for a token that was not stored. The answer takes the same time whether or not one goes out.
  await db.transaction(async (trx) => {
    await PasswordResetToken.query({ client: trx })
      .where('user_id', user.id)
      .whereNull('used_at')
      .delete()
    await PasswordResetToken.create(
      {
        userId: user.id,
        tokenHash: sha256(token),
        expiresAt: DateTime.now().plus({ minutes: accountsConfig.passwordResetExpiresInMinutes }),
      },
      { client: trx }
    )
    await queueMail(
      ResetPasswordNotification,
      [{ email: user.email, fullName: user.fullName }, url],
      { client: trx }
    )
  })
}

/** The unused, unexpired token behind a reset link, with its user, or null. */
export async function findUsableResetToken(token: string) {
  const row = await PasswordResetToken.query()
    .where('token_hash', sha256(token))
    .whereNull('used_at')
    .preload('user')
    .first()
  if (!row || row.expiresAt <= DateTime.now() || !row.user.isActive) return null
  return row
}

/**
 * Sets a new password with a reset token, once: the token is claimed by a conditional update (two
 * requests racing with one token cannot both win), and every session and "remember me" token of
 * the user ends. Returns the user, or null when the token is unknown, used, expired, or its account
 * inactive; nothing changes then.
 */
export async function resetPassword(token: string, password: string): Promise<User | null> {
  const user = await db.transaction(async (trx) => {
    const row = await PasswordResetToken.query({ client: trx })
      .where('token_hash', sha256(token))
      .whereNull('used_at')
      .first()
    if (!row || row.expiresAt <= DateTime.now()) return null

    const owner = await User.findOrFail(row.userId, { client: trx })
    if (!owner.isActive) return null

    const claimed = await trx
      .from('password_reset_tokens')
      .where('id', row.id)
      .whereNull('used_at')
      .update({ used_at: DateTime.now().toFormat(trx.dialect.dateTimeFormat) })
    if (Number(claimed) !== 1) return null

    owner.password = password
    await owner.save()
    await endUserSessions(owner, trx)
    return owner
  })

  return user
}
