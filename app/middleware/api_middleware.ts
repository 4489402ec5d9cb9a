import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as authErrors } from '@adonisjs/auth'
import accountsConfig from '#config/accounts'
import { runAsActor } from '#activity/actor'
import { ApiException } from '#api/api_exception'
import { apiOperations } from '#api/operations'
import { consumeApiBudget } from '#api/rate_limit'
import { runIdempotently } from '#api/idempotency'
import { keepBodyAsSent } from '#api/json_body'
import { tokenAllows } from '#services/accounts/token_abilities'

/**
 * The gate of every `/api/v1` route. It authenticates the caller (a bearer token through the `api`
 * guard, or the session of the app's own pages, whose CSRF check the shield middleware already
 * made), refuses a token whose abilities lack the one the route's operation names (403), counts
 * the call against the caller's rate limit, and makes the caller the author of the activity the
 * call records; a POST its operation marks `idempotent` honours Idempotency-Key. Routes their operation marks `anonymous` (the token login) skip the
 * authentication and are limited per IP. What each caller may do in a project is then decided by
 * the same policy as the pages.
 */
export default class ApiMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    ctx.response.header('X-Content-Type-Options', 'nosniff')
    ctx.response.header('Cache-Control', 'private, no-cache')
    keepBodyAsSent(ctx)

    const operation = ctx.route?.name ? apiOperations().get(ctx.route.name) : undefined
    if (operation?.anonymous) {
      await consumeApiBudget(ctx, null)
      return next()
    }

    const user = await this.authenticate(ctx)
    if (!user.isActive)
      throw new authErrors.E_UNAUTHORIZED_ACCESS('Inactive user', { guardDriverName: 'api' })
    if (accountsConfig.requireVerifiedEmail && !user.emailVerifiedAt) {
      throw new ApiException(403, 'Verify your email address first.', {
        code: 'E_EMAIL_NOT_VERIFIED',
      })
    }

    const token =
      ctx.auth.authenticatedViaGuard === 'api'
        ? ctx.auth.use('api').user?.currentAccessToken
        : undefined
    if (token && operation?.ability && !tokenAllows(token, operation.ability)) {
      throw new ApiException(403, `This token lacks the "${operation.ability}" ability.`, {
        code: 'E_MISSING_ABILITY',
      })
    }

    await consumeApiBudget(ctx, token ? `token:${token.identifier}` : `user:${user.id}`)
    if (operation?.idempotent) return runAsActor(user.id, () => runIdempotently(ctx, user.id, next))
    return runAsActor(user.id, () => next())
  }

  /** The caller: the token's user, or the user of the session cookie (401 without either). */
  private async authenticate(ctx: HttpContext) {
    if (ctx.request.header('authorization')) return ctx.auth.authenticateUsing(['api'])
    const user = ctx.auth.user
    if (!user)
      throw new authErrors.E_UNAUTHORIZED_ACCESS('Unauthenticated', { guardDriverName: 'api' })
    return user
  }
}
