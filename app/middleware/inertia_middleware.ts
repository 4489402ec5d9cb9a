import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import UserTransformer from '#transformers/user_transformer'
import { CLEAR_HISTORY_FLASH } from '#services/accounts/session_keys'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import { LIVE_RELOAD_HEADER } from '#shared/live'

/** Whether the request is a page's reload after a live change. */
function isLiveReload(ctx: HttpContext): boolean {
  return ctx.request.header(LIVE_RELOAD_HEADER) !== undefined
}

/**
 * Shares what every page needs: the logged-in user, what they may do (so the UI hides the rest;
 * the server still checks), validation errors and the flash messages the layout shows as toasts.
 * After a logout it also tells the browser to clear the encrypted history. A page may be rendered
 * before the session or auth middleware ran (a 404 has no route), so neither is assumed to be there.
 *
 * A reload after a live change (LIVE_RELOAD_HEADER) may reach the server between a save in another
 * tab, or this one, and the page that save redirects to: it shows no flash messages and keeps them
 * for that page.
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    const { auth, bouncer, session } = ctx as Partial<HttpContext>
    const user = auth?.user
    const liveReload = isLiveReload(ctx)
    if (liveReload && session && !session.flashMessages.isEmpty) session.reflash()
    else if (session?.flashMessages.get(CLEAR_HISTORY_FLASH)) ctx.inertia.clearHistory()

    return {
      errors: ctx.inertia.always(liveReload ? {} : this.getValidationErrors(ctx)),
      user: ctx.inertia.always(user ? UserTransformer.transform(user) : null),
      abilities: ctx.inertia.always({
        enterAdmin: user && bouncer ? await bouncer.allows('enterAdmin') : false,
        manageUsers: user && bouncer ? await bouncer.allows('manageUsers') : false,
      }),
    }
  }

  flash(ctx: HttpContext) {
    const { session } = ctx as Partial<HttpContext>
    if (isLiveReload(ctx)) return { success: null, error: null }
    const success: string | undefined = session?.flashMessages.get('success')
    const error: string | undefined = session?.flashMessages.get('error')
    return { success: success ?? null, error: error ?? null }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

declare module '@adonisjs/inertia/types' {
  type MiddlewareSharedProps = InferSharedProps<InertiaMiddleware>
  export interface SharedProps extends MiddlewareSharedProps {}
}
