import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type Passkey from '#models/passkey'
import { queueMail } from '#mails/queue_mail'
import SecurityNotification from '#mails/security_notification'
import { restartUserSessions } from '#services/accounts/session_tracker'
import { passkeysSettingsUrl } from '#services/accounts/passkey_registration'

/**
 * Removes one of the user's passkeys and mails them about it (both or neither). Every other
 * session of the user ends, as after a password change: a session opened with that passkey by
 * someone else does not outlive it. This browser goes on with a fresh session.
 */
export async function removePasskey(ctx: HttpContext, user: User, passkey: Passkey) {
  await db.transaction(async (trx) => {
    passkey.useTransaction(trx)
    await passkey.delete()
    await queueMail(
      SecurityNotification,
      [
        { email: user.email, fullName: user.fullName },
        passkeysSettingsUrl(),
        'passkey_removed',
        passkey.name,
      ],
      { client: trx }
    )
  })
  await restartUserSessions(ctx, user)
}
