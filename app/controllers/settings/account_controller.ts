import type { HttpContext } from '@adonisjs/core/http'
import { deleteAccountValidator } from '#validators/user'
import { CLEAR_HISTORY_FLASH } from '#services/accounts/session_keys'
import { deleteAccount, sharedProjectsOwnedBy } from '#services/accounts/account_deletion'
import { assertCurrentPassword } from '#services/accounts/current_password'

/** Settings: deleting the account. */
export default class AccountController {
  async edit({ inertia }: HttpContext) {
    return inertia.render('settings/account', {})
  }

  /** Deletes the account after the password is confirmed, then logs out. */
  async destroy({ auth, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const { password } = await request.validateUsing(deleteAccountValidator)
    await assertCurrentPassword(user, password)

    if (!(await deleteAccount(user))) {
      const shared = await sharedProjectsOwnedBy(user)
      session.flash(
        'error',
        `You own projects shared with others (${shared.map((project) => project.name).join(', ')}). ` +
          'Hand their ownership to another member, or delete them, first.'
      )
      return response.redirect().back()
    }
    await auth.use('web').logout()
    session.flash('success', 'Your account and its data were deleted.')
    session.flash(CLEAR_HISTORY_FLASH, true)
    return response.redirect().toRoute('home')
  }
}
