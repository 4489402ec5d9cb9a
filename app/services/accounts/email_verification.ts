import env from '#start/env'
import type User from '#models/user'
import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
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
 * Mails the verification link. A mail server failure is logged and reported as false rather than
 * undoing the sign-up or email change that asked for it: the user can send it again.
 */
export async function sendVerificationMail(user: User): Promise<boolean> {
  try {
    await mail.send(new VerifyEmailNotification(user, verificationUrl(user)))
    return true
  } catch (error) {
    logger.error({ err: error, userId: user.id }, 'could not send the verification mail')
    return false
  }
}
