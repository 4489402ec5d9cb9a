import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as authErrors } from '@adonisjs/auth'
import type { Authenticators } from '@adonisjs/auth/types'
import { INTENDED_URL_KEY } from '#services/accounts/session_keys'

/** What a guest reads on the login page after asking for a page that needs a login. */
const LOGIN_FIRST = 'Log in to see this page.'

/**
 * Lets only logged-in users through. A guest asking for a page is sent to the login page with a
 * word of why, and the page is remembered so login leads back to it.
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
    try {
      await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    } catch (error) {
      if (!(error instanceof authErrors.E_UNAUTHORIZED_ACCESS)) throw error
      throw new authErrors.E_UNAUTHORIZED_ACCESS(LOGIN_FIRST, {
        redirectTo: this.redirectTo,
        guardDriverName: error.guardDriverName,
      })
    }
    return next()
  }
}
