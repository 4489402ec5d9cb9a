import env from '#start/env'
import type User from '#models/user'
import { queueMail } from '#mails/queue_mail'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import accountsConfig from '#config/accounts'
import { sha256 } from '#services/accounts/hashing'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import VerifyEmailNotification from '#mails/verify_email_notification'

/** The purpose signed into verification links, so no other signed URL can stand in for one. */
export const VERIFY_EMAIL_PURPOSE = 'verify_email'

/**
 * A short digest of an address. It is part of the verification link, so a link sent to an old
 * address stops working once the user changes it.
 */
export function emailDigest(email: string): string {
  return sha256(email.trim().toLowerCase()).slice(0, 24)
}

/** The signed, expiring link that verifies the user's current email address. */
export function verificationUrl(user: User): string {
  return signedUrlFor(
    'verification.verify',
    { id: user.id, hash: emailDigest(user.email) },
    {
      expiresIn: accountsConfig.verificationLinkExpiresIn,
      purpose: VERIFY_EMAIL_PURPOSE,
      prefixUrl: env.get('APP_URL'),
    }
  )
}

/**
 * Queues the mail with the verification link. With `client`, it is queued in the transaction that
 * changes the address: the mail goes out only if the change is committed.
 */
export async function queueVerificationMail(
  user: User,
  options: { client?: TransactionClientContract } = {}
): Promise<void> {
  await queueMail(
    VerifyEmailNotification,
    [{ email: user.email, fullName: user.fullName }, verificationUrl(user)],
    options
  )
}
