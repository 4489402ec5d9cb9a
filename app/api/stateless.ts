import { SESSION_COOKIE } from '#config/session'
import type { HttpContext } from '@adonisjs/core/http'

/** The path every API route lives under. */
export const API_PREFIX = '/api/'

/** Whether a request is for the API (any version, documents and docs included). */
export function isApiRequest(ctx: HttpContext): boolean {
  return ctx.request.url().startsWith(API_PREFIX)
}

/**
 * Whether an API request is served without a session: it carries a bearer token, or no session
 * cookie at all (a script, a mobile app, the token login). Such a request never reads or writes a
 * session, never checks or sets a CSRF cookie and never sets any cookie. An API request from the
 * app's own pages (session cookie, no Authorization) keeps the session and its CSRF check.
 */
export function isStatelessApiRequest(ctx: HttpContext): boolean {
  if (!isApiRequest(ctx)) return false
  if (ctx.request.header('authorization')) return true
  const cookies = ctx.request.header('cookie')
  if (!cookies) return true
  return !cookies.split(';').some((cookie) => cookie.trim().startsWith(`${SESSION_COOKIE}=`))
}
