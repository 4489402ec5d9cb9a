import accountsConfig from '#config/accounts'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * When config/accounts.ts requires verified addresses, sends users whose email is not verified yet
 * to the "verify your email" page (JSON clients get 403). Otherwise lets everyone through.
 */
export default class VerifiedEmailMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.user
    if (!accountsConfig.requireVerifiedEmail || !user || user.emailVerifiedAt) return next()

    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.forbidden({
        errors: [{ message: 'Verify your email address first', code: 'E_EMAIL_NOT_VERIFIED' }],
      })
    }
    return ctx.response.redirect().toRoute('verification.notice')
  }
}
