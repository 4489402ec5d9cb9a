import { inject } from '@adonisjs/core'
import { Session } from '@adonisjs/session'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { ResolvedSessionConfig, SessionStoreFactory } from '@adonisjs/session/types'
import PackageSessionMiddleware from '@adonisjs/session/session_middleware'
import { isStatelessApiRequest } from '#api/stateless'

/** The pattern of the catch-all route that answers unknown URLs (start/routes.ts). */
export const CATCH_ALL_PATTERN = '/*'

let resolvedConfig: ResolvedSessionConfig | undefined

/** The session config as the session provider resolves it, read once. */
async function sessionConfig(): Promise<ResolvedSessionConfig> {
  if (!resolvedConfig) {
    const config = await configProvider.resolve<ResolvedSessionConfig>(
      app,
      app.config.get('session')
    )
    if (!config) throw new Error('config/session.ts must export defineConfig(...)')
    resolvedConfig = config
  }
  return resolvedConfig
}

/**
 * The session middleware of @adonisjs/session, with one exception: a visitor who arrives without a
 * session cookie at the catch-all 404 route, and is not logged in by the end of the request (a bot
 * probing URLs), leaves with no session: nothing is stored and no cookie is set. Anyone else, a
 * logged-in user above all, gets their session as on every other page. A stateless API call (a
 * bearer token, or no session cookie) gets no session at all: nothing is read, stored or set.
 */
@inject()
export default class SessionMiddleware {
  constructor(private sessions: PackageSessionMiddleware<Record<string, SessionStoreFactory>>) {}

  async handle(ctx: HttpContext, next: NextFn) {
    if (isStatelessApiRequest(ctx)) return next()
    if (ctx.route?.pattern !== CATCH_ALL_PATTERN) return this.sessions.handle(ctx, next)

    const config = await sessionConfig()
    if (ctx.request.cookiesList()[config.cookieName]) return this.sessions.handle(ctx, next)

    ctx.session = new Session(config, config.stores[config.store], emitter, ctx)
    await ctx.session.initiate(false)
    const output = await next()

    if (ctx.auth?.isAuthenticated) {
      await ctx.session.commit()
    } else {
      ctx.response.removeHeader('set-cookie')
    }
    return output
  }
}
