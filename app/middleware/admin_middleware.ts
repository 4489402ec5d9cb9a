import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AdminContext } from '#admin/admin_context'
import { permissionsOf } from '#admin/permissions'
import accountsConfig from '#config/accounts'
import { hasSecondFactor } from '#services/accounts/second_factor'
import { loginMethod } from '#services/accounts/login_method'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** Who uses the admin on this request and what they may do (set by the admin middleware). */
    admin: AdminContext
  }
}

/** What staff without a second factor read when the policy sends them to set one up. */
export const SECOND_FACTOR_REQUIRED_MESSAGE =
  'The admin needs two-factor sign-in. Turn it on to continue, or log in with a passkey.'

/**
 * Lets only active staff into the admin (after `auth`), and loads what they may do: every admin
 * route and action checks its permission against this context on the server. With
 * ACCOUNTS_REQUIRE_2FA_FOR_STAFF, staff who logged in with the password alone (no authenticator
 * app, no passkey) are sent to set one up first.
 */
export default class AdminMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.bouncer.authorize('enterAdmin')
    const user = ctx.auth.getUserOrFail()
    if (
      accountsConfig.requireSecondFactorForStaff &&
      !hasSecondFactor(user) &&
      loginMethod(ctx) !== 'passkey'
    ) {
      ctx.session.flash('error', SECOND_FACTOR_REQUIRED_MESSAGE)
      return ctx.response.redirect().toRoute('settings.two_factor.edit')
    }
    ctx.admin = new AdminContext(user, user.isSuperuser ? new Set() : await permissionsOf(user))
    return next()
  }
}
