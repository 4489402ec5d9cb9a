import env from '#start/env'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import { queueMail } from '#mails/queue_mail'
import SecurityNotification, { type SecurityEvent } from '#mails/security_notification'

/**
 * Tells the user by mail that how they sign in changed, with a link to the two-factor settings;
 * queued in `trx` when there is one, so the mail goes out only if the change is committed.
 */
export async function mailSecurityEvent(
  user: User,
  event: SecurityEvent,
  trx?: TransactionClientContract
) {
  const url = new URL('/settings/two-factor', env.get('APP_URL')).href
  await queueMail(
    SecurityNotification,
    [{ email: user.email, fullName: user.fullName }, url, event],
    { client: trx }
  )
}
