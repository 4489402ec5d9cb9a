import { createHmac, timingSafeEqual } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { appKey } from '#config/app'
import { randomSecret, sha256 } from '#services/accounts/hashing'
import { pendingLoginLimiter } from '#services/accounts/account_throttle'
import { INTENDED_URL_KEY } from '#services/accounts/session_keys'
import { safeRedirectPath } from '#services/http/safe_redirect'
import { startTrackedSession } from '#services/accounts/session_tracker'
import { rememberLoginMethod, type LoginMethod } from '#services/accounts/login_method'

/** Session key of a login whose first step passed and that waits for its second factor. */
const PENDING_LOGIN_KEY = 'login.pending'

/** How long a login may wait for its second factor before the password must be typed again. */
export const PENDING_LOGIN_MINUTES = 5

/**
 * A login that passed its first step: who, whether to remember them, until when it waits, its
 * random id (what its wrong codes are counted against) and the fingerprint of the credentials it
 * was started with.
 */
export type PendingLogin = {
  id: string
  userId: number
  remember: boolean
  next: string | null
  expiresAt: number
  fingerprint: string
}

/** The counter key of a waiting login's wrong codes (its id is hashed: the key is no secret). */
function failuresKey(pending: PendingLogin): string {
  return `pending-login:${sha256(String(pending.id)).slice(0, 32)}`
}

/**
 * A keyed hash (HMAC-SHA256 with the app key) of what the first step vouched for: the password
 * hash, the second factor's secret and the user's session generation. A password change or reset,
 * a second factor reset or set up again, or every session ended ("log out other sessions") changes
 * it, so a login waiting from before stops working. The session keeps only this digest, never the
 * hash itself.
 */
function credentialsFingerprint(user: User): string {
  return createHmac('sha256', appKey.release())
    .update(
      `pending-login\0${user.password}\0${user.twoFactorSecret ?? ''}\0${user.sessionGeneration ?? 0}`
    )
    .digest('hex')
}

function sameFingerprint(stored: unknown, user: User): boolean {
  if (typeof stored !== 'string') return false
  const expected = Buffer.from(credentialsFingerprint(user))
  const given = Buffer.from(stored)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

type SessionHolder = Pick<HttpContext, 'session'>

/**
 * A new waiting login for `user` (a fresh id, the fingerprint of their credentials now), as
 * {@link startPendingLogin} puts it in the session; tests use it to build such a session.
 */
export function newPendingLogin(
  user: User,
  options: { remember: boolean; next: string | null }
): PendingLogin {
  return {
    id: randomSecret(),
    userId: user.id,
    remember: options.remember,
    next: options.next,
    expiresAt: Date.now() + PENDING_LOGIN_MINUTES * 60_000,
    fingerprint: credentialsFingerprint(user),
  }
}

/** Records that `user` passed the first step; the second step must finish it in time. */
export function startPendingLogin(
  { session }: SessionHolder,
  user: User,
  options: { remember: boolean; next: string | null }
) {
  session.put(PENDING_LOGIN_KEY, newPendingLogin(user, options))
}

/**
 * The login waiting for its second factor as the session holds it, or null when there is none or
 * it expired. Not checked against the account: second steps use {@link pendingLoginUser}.
 */
function readPendingLogin({ session }: SessionHolder): PendingLogin | null {
  const pending = session.get(PENDING_LOGIN_KEY) as PendingLogin | undefined
  if (!pending || typeof pending.userId !== 'number') return null
  if (pending.expiresAt <= Date.now()) {
    session.forget(PENDING_LOGIN_KEY)
    return null
  }
  return pending
}

/**
 * The user of the login waiting for its second factor, only while that login is still good: not
 * expired, not finished nor dropped for its wrong codes, the account active, and its password and
 * second factor the ones the first step saw. Otherwise the waiting login is dropped and the
 * answer is null (back to the password). Every second step of a waiting login starts here.
 */
export async function pendingLoginUser(
  ctx: SessionHolder
): Promise<{ user: User; pending: PendingLogin } | null> {
  const pending = readPendingLogin(ctx)
  if (!pending) return null
  if (
    typeof pending.id !== 'string' ||
    (await pendingLoginLimiter().isBlocked(failuresKey(pending)))
  ) {
    await forgetPendingLogin(ctx)
    return null
  }
  const user = await User.find(pending.userId)
  if (!user || !user.isActive || !sameFingerprint(pending.fingerprint, user)) {
    await forgetPendingLogin(ctx)
    return null
  }
  return { user, pending }
}

/**
 * Counts a wrong code against the waiting login. Returns false when that was the fifth and the
 * login is dropped (the password must be typed again), true while it may go on.
 */
export async function countPendingLoginFailure(
  ctx: SessionHolder,
  pending: PendingLogin
): Promise<boolean> {
  const counted = await pendingLoginLimiter().increment(failuresKey(pending))
  if (counted.remaining > 0) return true
  await forgetPendingLogin(ctx)
  return false
}

/**
 * Drops the waiting login (finished, abandoned, expired or refused): out of the session, and
 * blocked on the server, so a copy of the old session cookie cannot bring it back.
 */
export async function forgetPendingLogin({ session }: SessionHolder) {
  const pending = session.get(PENDING_LOGIN_KEY) as PendingLogin | undefined
  session.forget(PENDING_LOGIN_KEY)
  if (pending && typeof pending.id === 'string') {
    await pendingLoginLimiter().block(failuresKey(pending), `${PENDING_LOGIN_MINUTES} mins`)
  }
}

/**
 * Logs `user` in once every step passed: a fresh session (new id, tracked for the sessions page),
 * a welcome, and the page the user asked for when it is on this site. Every way to log in ends here,
 * saying how it was made (`method`, the password alone unless told).
 */
export async function completeLogin(
  ctx: HttpContext,
  user: User,
  options: { remember: boolean; next: string | null; method?: LoginMethod }
) {
  const { auth, session, response } = ctx
  await forgetPendingLogin(ctx)
  await auth.use('web').login(user, options.remember)
  rememberLoginMethod(ctx, options.method ?? 'password')
  await startTrackedSession(ctx, user)

  const intended = session.pull(INTENDED_URL_KEY)
  session.flash('success', `Welcome back, ${user.fullName}.`)
  return response.redirect(options.next ?? safeRedirectPath(intended))
}
