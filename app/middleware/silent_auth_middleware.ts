import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { verifyTrackedSession } from '#services/accounts/session_tracker'
import { isStatelessApiRequest } from '#api/stateless'

/**
 * Looks up the logged-in user, if any, without requiring one. A session whose account was
 * deactivated, or that was ended elsewhere (log out other sessions, password reset), is logged out
 * here, so it stops working on its very next request. A stateless API call has no session to
 * look in: the API middleware authenticates its bearer token instead.
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (isStatelessApiRequest(ctx)) return next()
    await ctx.auth.check()

    const user = ctx.auth.user
    if (user && !(user.isActive && (await verifyTrackedSession(ctx, user)))) {
      await ctx.auth.use('web').logout()
    }
    return next()
  }
}
