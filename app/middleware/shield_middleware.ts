import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { ShieldConfig } from '@adonisjs/shield/types'
import PackageShieldMiddleware from '@adonisjs/shield/shield_middleware'
import { isStatelessApiRequest } from '#api/stateless'
import { XsrfCookie } from '#services/http/xsrf_cookie'

type Shield = { guards: PackageShieldMiddleware; xsrf: XsrfCookie | null }

let shield: Promise<Shield> | undefined

/**
 * The package's guards, built once from config/shield.ts, with the XSRF cookie taken over by
 * XsrfCookie when the config enables it.
 */
function buildShield(): Promise<Shield> {
  shield ??= (async () => {
    const config = app.config.get<ShieldConfig>('shield')
    const manager = await app.container.make('encryption')
    const encryption = manager.use()
    const edge = app.usingEdgeJS
      ? await import('edge.js').then((module) => module.default)
      : undefined
    const xsrf = config.csrf.enabled && config.csrf.enableXsrfCookie
    const guardsConfig = { ...config, csrf: { ...config.csrf, enableXsrfCookie: false } }
    return {
      guards: new PackageShieldMiddleware(guardsConfig, encryption, edge),
      xsrf: xsrf ? new XsrfCookie(config.csrf, encryption) : null,
    }
  })()
  return shield
}

/**
 * The shield middleware of @adonisjs/shield (CSRF, CSP, HSTS, frame and sniffing guards) for every
 * request but a stateless API call (bearer token or no session cookie): its CSRF guard keeps a
 * secret in the session and the XSRF-TOKEN cookie carries a token, and such a call has neither
 * and must set none. The XSRF-TOKEN cookie is set only when it changes (XsrfCookie). The API
 * middleware sends `X-Content-Type-Options: nosniff` itself.
 */
export default class ShieldMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (isStatelessApiRequest(ctx)) return next()
    const { guards, xsrf } = await buildShield()

    xsrf?.acceptHeader(ctx)
    await guards.handle(ctx, next)
    xsrf?.issue(ctx)
  }
}
