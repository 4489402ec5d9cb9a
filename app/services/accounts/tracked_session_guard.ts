import type { HttpContext } from '@adonisjs/core/http'
import type { GuardConfigProvider } from '@adonisjs/auth/types'
import type { SessionGuardOptions } from '@adonisjs/auth/types/session'
import { SessionGuard, SessionLucidUserProvider } from '@adonisjs/auth/session'
import type User from '#models/user'

type UserModel = typeof User

/** Loaded on first use: the tracker imports models, which config files must not do. */
const tracker = () => import('#services/accounts/session_tracker')

/**
 * The session guard's user lookup for one request: the user and the current session's
 * user_sessions row come back from one query, so checking that the session was not ended
 * elsewhere costs nothing more (see `verifyTrackedSession`). Everything else (the remember me
 * tokens) is the library's Lucid provider.
 */
export class TrackedSessionUserProvider extends SessionLucidUserProvider<UserModel> {
  #ctx: HttpContext

  constructor(model: () => Promise<{ default: UserModel }>, ctx: HttpContext) {
    super({ model })
    this.#ctx = ctx
  }

  async findById(identifier: string | number | BigInt) {
    const { findUserWithTrackedSession } = await tracker()
    const user = await findUserWithTrackedSession(this.#ctx, await this.getModel(), identifier)
    return user ? this.createUserForGuard(user) : null
  }
}

/**
 * The session guard of the pages, with {@link TrackedSessionUserProvider} as its user provider
 * (one per request, since the lookup reads the request's session).
 */
export function trackedSessionGuard(
  config: SessionGuardOptions<true> & { model: () => Promise<{ default: UserModel }> }
): GuardConfigProvider<(ctx: HttpContext) => SessionGuard<true, TrackedSessionUserProvider>> {
  const { model, ...options } = config
  return {
    async resolver(name, app) {
      const emitter = await app.container.make('emitter')
      return (ctx) =>
        new SessionGuard(name, ctx, options, emitter, new TrackedSessionUserProvider(model, ctx))
    },
  }
}
