import type { CeilingContext } from './context.ts'
import { type CeilingSession, SESSION_COOKIE, XSRF_COOKIE, csrfToken } from './session_cookie.ts'

const COOKIE_AGE = 7200

function attributes(context: CeilingContext, httpOnly: boolean) {
  const secure = context.secureCookies ? '; Secure' : ''
  return `; Max-Age=${COOKIE_AGE}; Path=/${httpOnly ? '; HttpOnly' : ''}${secure}; SameSite=Lax`
}

/** The Set-Cookie line of a signed session. */
export function sessionCookie(context: CeilingContext, session: CeilingSession): string {
  return `${SESSION_COOKIE}=${context.signer.sign(session)}${attributes(context, true)}`
}

/** The Set-Cookie line of a CSRF token for the session, readable by scripts as Atrium's. */
export function xsrfCookie(context: CeilingContext, session: CeilingSession): string {
  return `${XSRF_COOKIE}=${encodeURIComponent(csrfToken(session.csrfSecret))}${attributes(context, false)}`
}
