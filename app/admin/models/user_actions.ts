import type User from '#models/user'
import type { BulkAction } from '#admin/bulk_actions'
import { endUserSessions } from '#services/accounts/session_tracker'
import { resetSecondFactor, usersWithResettableFactor } from '#services/accounts/second_factor'
import { mailSecurityEvent } from '#services/two_factor/security_mail'

/**
 * "Reset second factor of selected users", for someone who lost their phone and their recovery
 * codes: their authenticator app, recovery codes, passkeys and personal access tokens go, every
 * session of theirs ends, and they get a mail. The change is in the activity record (secrets
 * redacted). A superuser's account is reset only by a superuser.
 */
export const resetSecondFactors: BulkAction = {
  name: 'reset_second_factor',
  label: 'Reset second factor of selected users',
  permission: 'change',
  async run(rows, { admin, trx }) {
    const users = rows as User[]
    const resettable = await usersWithResettableFactor(users, trx)
    let reset = 0
    for (const user of users) {
      if (!resettable.has(user.id)) continue
      if (user.isSuperuser && !admin.isSuperuser) continue
      await resetSecondFactor(user, trx)
      await endUserSessions(user, trx)
      await mailSecurityEvent(user, 'two_factor_reset', trx)
      reset++
    }
    return `Second factor reset for ${reset} ${reset === 1 ? 'user' : 'users'}`
  },
}
