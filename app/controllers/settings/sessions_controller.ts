import UserSession from '#models/user_session'
import type { HttpContext } from '@adonisjs/core/http'
import { deleteAccountValidator } from '#validators/user'
import { assertCurrentPassword } from '#services/accounts/current_password'
import UserSessionTransformer from '#transformers/user_session_transformer'
import { currentTrackedSession, restartUserSessions } from '#services/accounts/session_tracker'

/** Settings: the browsers where the account is logged in. */
export default class SessionsController {
  /** Every logged-in session, most recently seen first, the current one marked. */
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const current = await currentTrackedSession(ctx, user)
    const sessions = await UserSession.query()
      .where('user_id', user.id)
      .orderBy('last_seen_at', 'desc')
      .orderBy('id', 'desc')

    return ctx.inertia.render('settings/sessions', {
      sessions: UserSessionTransformer.transform(sessions, current?.id ?? null),
    })
  }

  /**
   * Logs out every other session after the password is confirmed, including any copy of this
   * browser's cookie: this browser goes on with a fresh session.
   */
  async destroyOthers(ctx: HttpContext) {
    const { auth, request, response, session } = ctx
    const user = auth.getUserOrFail()
    const { password } = await request.validateUsing(deleteAccountValidator)
    await assertCurrentPassword(user, password)

    await restartUserSessions(ctx, user)
    session.flash('success', 'Your other sessions were logged out.')
    return response.redirect().toRoute('settings.sessions.index')
  }
}
