import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import PackageShieldMiddleware from '@adonisjs/shield/shield_middleware'
import { isStatelessApiRequest } from '#api/stateless'

/**
 * The shield middleware of @adonisjs/shield (CSRF, CSP, HSTS, frame and sniffing guards) for every
 * request but a stateless API call (bearer token or no session cookie): its CSRF guard keeps a
 * secret in the session and sets the XSRF-TOKEN cookie, and such a call has neither and must set
 * none. The API middleware sends `X-Content-Type-Options: nosniff` itself.
 */
@inject()
export default class ShieldMiddleware {
  constructor(private shield: PackageShieldMiddleware) {}

  handle(ctx: HttpContext, next: NextFn) {
    if (isStatelessApiRequest(ctx)) return next()
    return this.shield.handle(ctx, next)
  }
}
