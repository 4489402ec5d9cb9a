import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { runAsActor } from '#activity/actor'

/** Makes the logged-in user (or nobody) the author of every activity the request records. */
export default class ActivityActorMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    return runAsActor(ctx.auth.user?.id ?? null, () => next())
  }
}
