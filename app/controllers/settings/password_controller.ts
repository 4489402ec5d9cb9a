import type { HttpContext } from '@adonisjs/core/http'
import { updatePasswordValidator } from '#validators/user'
import { assertCurrentPassword } from '#services/accounts/current_password'
import { restartUserSessions } from '#services/accounts/session_tracker'

/** Settings: changing the password. */
export default class PasswordController {
  async edit({ inertia }: HttpContext) {
    return inertia.render('settings/password', {})
  }

  /** Needs the current password; every other session ends, this one goes on with a new id. */
  async update(ctx: HttpContext) {
    const { auth, request, response, session } = ctx
    const user = auth.getUserOrFail()
    const { currentPassword, password } = await request.validateUsing(updatePasswordValidator, {
      meta: { user },
    })
    await assertCurrentPassword(user, currentPassword, 'currentPassword')

    user.password = password
    await user.save()
    await restartUserSessions(ctx, user)

    session.flash('success', 'Password changed. Your other sessions were logged out.')
    return response.redirect().toRoute('settings.password.edit')
  }
}
