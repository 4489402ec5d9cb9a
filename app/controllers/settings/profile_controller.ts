import type { HttpContext } from '@adonisjs/core/http'
import { updateProfileValidator } from '#validators/user'
import { sendVerificationMail } from '#services/email_verification'

/** Settings: name and email address. */
export default class ProfileController {
  async edit({ inertia }: HttpContext) {
    return inertia.render('settings/profile', {})
  }

  /** Saves name and email; a new email address must be verified again. */
  async update({ auth, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const { fullName, email } = await request.validateUsing(updateProfileValidator, {
      meta: { userId: user.id },
    })

    const emailChanged = email !== user.email
    user.merge({ fullName, email })
    if (emailChanged) user.emailVerifiedAt = null
    await user.save()

    if (emailChanged) {
      const mailed = await sendVerificationMail(user)
      session.flash(
        'success',
        mailed
          ? `Profile saved. We sent a link to ${email} to verify the new address.`
          : 'Profile saved, but the verification mail could not be sent. Send it again from the banner.'
      )
    } else {
      session.flash('success', 'Profile saved.')
    }
    return response.redirect().toRoute('settings.profile.edit')
  }
}
