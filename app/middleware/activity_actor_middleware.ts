import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { runAsActor } from '#activity/actor'
import { TAB_HEADER, TAB_ID_PATTERN } from '#shared/live'

/**
 * Makes the logged-in user (or nobody) the author of every activity the request records, sent
 * from the browser tab named in its header (a malformed name is ignored).
 */
export default class ActivityActorMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const tab = ctx.request.header(TAB_HEADER)
    const validTab = tab !== undefined && TAB_ID_PATTERN.test(tab) ? tab : null
    return runAsActor(ctx.auth.user?.id ?? null, () => next(), { tab: validTab })
  }
}
