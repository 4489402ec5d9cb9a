import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AdminContext } from '#admin/admin_context'
import { permissionsOf } from '#admin/permissions'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** Who uses the admin on this request and what they may do (set by the admin middleware). */
    admin: AdminContext
  }
}

/**
 * Lets only active staff into the admin (after `auth`), and loads what they may do: every admin
 * route and action checks its permission against this context on the server.
 */
export default class AdminMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.bouncer.authorize('enterAdmin')
    const user = ctx.auth.getUserOrFail()
    ctx.admin = new AdminContext(user, user.isSuperuser ? new Set() : await permissionsOf(user))
    return next()
  }
}
