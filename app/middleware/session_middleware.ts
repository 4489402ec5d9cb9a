import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { ResolvedSessionConfig } from '@adonisjs/session/types'
// The package's middleware module installs the session-aware redirect and validation macros.
import '@adonisjs/session/session_middleware'
import { isStatelessApiRequest } from '#api/stateless'
import { WriteOnChangeSession } from '#services/http/write_on_change_session'

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
 * Starts and commits the session as the middleware of @adonisjs/session does, with a session
 * that is written only when it changes (WriteOnChangeSession): a request that leaves the session
 * as it found it sends no session cookie. Two exceptions: a visitor who arrives without a session
 * cookie at the catch-all 404 route, and is not logged in by the end of the request (a bot
 * probing URLs), leaves with no session: nothing is stored and no cookie is set. A stateless API
 * call (a bearer token, or no session cookie) gets no session at all: nothing is read, stored or
 * set.
 */
export default class SessionMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (isStatelessApiRequest(ctx)) return next()
    const config = await sessionConfig()
    if (!config.enabled) return next()

    const probe =
      ctx.route?.pattern === CATCH_ALL_PATTERN && !ctx.request.cookiesList()[config.cookieName]
    ctx.session = new WriteOnChangeSession(config, config.stores[config.store], emitter, ctx)
    await ctx.session.initiate(false)
    const output = await next()

    if (probe && !ctx.auth?.isAuthenticated) {
      ctx.response.removeHeader('set-cookie')
    } else {
      await ctx.session.commit()
    }
    return output
  }
}
