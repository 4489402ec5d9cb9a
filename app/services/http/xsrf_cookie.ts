import type { HttpContext } from '@adonisjs/core/http'
import type { Encryption } from '@adonisjs/core/encryption'
import type { CsrfOptions } from '@adonisjs/shield/types'
import { WriteOnChangeSession } from '#services/http/write_on_change_session'

/** The cookie that Inertia's client reads and sends back as the X-XSRF-TOKEN header. */
export const XSRF_COOKIE = 'XSRF-TOKEN'

/** Where the shield's CSRF guard keeps its secret in the session. */
const CSRF_SECRET_KEY = 'csrf-secret'

/**
 * The XSRF-TOKEN cookie of the shield's CSRF guard, set only when it has to change. The guard of
 * @adonisjs/shield encrypts a new token into the cookie on every response; any token made from the
 * session's CSRF secret is valid, so the cookie only needs to be set again when the session is
 * written (a new secret, or a renewal that must keep both cookies' expiry together) or when the
 * browser sent none. The guard runs with its own cookie off, and therefore does not read the
 * X-XSRF-TOKEN header either: `acceptHeader` hands that token to it as the x-csrf-token header,
 * which the guard checks against the session's secret as before.
 */
export class XsrfCookie {
  #checkedMethods: Set<string>

  constructor(
    private options: CsrfOptions,
    private encryption: Encryption
  ) {
    this.#checkedMethods = new Set((options.methods ?? []).map((method) => method.toUpperCase()))
  }

  /** Whether the CSRF guard checks requests of this method (all of them when none are listed). */
  #checks(method: string): boolean {
    return this.#checkedMethods.size === 0 || this.#checkedMethods.has(method)
  }

  /**
   * Before the guard runs: a checked request that sends its token only as the encrypted
   * X-XSRF-TOKEN header gets it decrypted into the x-csrf-token header the guard reads. A header
   * that does not decrypt is dropped, and the guard refuses the request for want of a token.
   */
  acceptHeader(ctx: HttpContext) {
    const { request } = ctx
    const encrypted = request.header('x-xsrf-token')
    if (typeof encrypted !== 'string' || !encrypted || !this.#checks(request.method())) return
    if (request.input('_csrf') || request.header('x-csrf-token')) return

    let token: unknown = null
    try {
      token = this.encryption.decrypt(decodeURIComponent(encrypted).slice(2), XSRF_COOKIE)
    } catch {
      return
    }
    if (typeof token === 'string') request.request.headers['x-csrf-token'] = token
  }

  /**
   * After the route: sets the cookie to this request's token when the session will be written or
   * the browser has no cookie yet. A session without a CSRF secret (logged out) gets none: the
   * next request makes a new secret, writes the session and sets the cookie then.
   */
  issue(ctx: HttpContext) {
    const { request, session } = ctx
    if (!request.csrfToken || !session?.initiated || !session.has(CSRF_SECRET_KEY)) return

    const unchanged = session instanceof WriteOnChangeSession && !session.needsCommit
    if (unchanged && request.cookiesList()[XSRF_COOKIE]) return

    ctx.response.encryptedCookie(XSRF_COOKIE, request.csrfToken, {
      ...this.options.cookieOptions,
      httpOnly: false,
    })
  }
}
