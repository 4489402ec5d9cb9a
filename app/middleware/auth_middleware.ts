import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { INTENDED_URL_KEY } from '#services/session_keys'

/**
 * Lets only logged-in users through. A guest asking for a page is sent to the login page, and the
 * page is remembered so login leads back to it.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    if (!ctx.auth.isAuthenticated && ctx.request.method() === 'GET') {
      ctx.session.put(INTENDED_URL_KEY, ctx.request.url(true))
    }
    await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    return next()
  }
}
