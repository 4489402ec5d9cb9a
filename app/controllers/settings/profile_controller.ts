import type { HttpContext } from '@adonisjs/core/http'
import { updateProfileValidator } from '#validators/user'
import db from '@adonisjs/lucid/services/db'
import { queueVerificationMail } from '#services/accounts/email_verification'
import { assertCurrentPassword } from '#services/accounts/current_password'
import { consumeOrThrow, verificationMailLimiter } from '#services/accounts/account_throttle'

/** Settings: name, email address and time zone. */
export default class ProfileController {
  /** The form; the time zones offered are the ones the server can reckon with. */
  async edit({ auth, inertia }: HttpContext) {
    const current = auth.getUserOrFail().timeZone
    const zones = ['UTC', ...Intl.supportedValuesOf('timeZone')]
    return inertia.render('settings/profile', {
      timeZones: zones.includes(current) ? zones : [current, ...zones],
    })
  }

  /**
   * Saves name and email. Changing the email needs the current password (a stolen session cannot
   * move the account to another mailbox), is limited like verification mails, cancels pending
   * reset links, and the new address must be verified again.
   */
  async update({ auth, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const { fullName, email, timeZone, currentPassword } = await request.validateUsing(
      updateProfileValidator,
      { meta: { userId: user.id } }
    )

    const emailChanged = email !== user.email
    if (emailChanged) {
      await assertCurrentPassword(user, currentPassword ?? '', 'currentPassword')
      await consumeOrThrow(
        verificationMailLimiter(),
        `verify:${user.id}`,
        (wait) => `You changed your email too often. Try again in ${wait}.`
      )
    }

    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.merge({ fullName, email, timeZone: timeZone ?? user.timeZone })
      if (emailChanged) user.emailVerifiedAt = null
      await user.save()
      if (emailChanged) {
        // Reset links already mailed to the old address stop working.
        await trx
          .from('password_reset_tokens')
          .where('user_id', user.id)
          .whereNull('used_at')
          .delete()
        await queueVerificationMail(user, { client: trx })
      }
    })

    if (emailChanged) {
      session.flash(
        'success',
        `Profile saved. We sent a link to ${email} to verify the new address.`
      )
    } else {
      session.flash('success', 'Profile saved.')
    }
    return response.redirect().toRoute('settings.profile.edit')
  }
}
