import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import UserSession from '#models/user_session'
import type { HttpContext } from '@adonisjs/core/http'
import { randomSecret, sha256 } from '#services/hashing'

/** Where a session keeps the random key that names its row in user_sessions. */
const SESSION_KEY = 'session_key'

/** A session's last-seen time is written at most this often. */
const TOUCH_EVERY_MINUTES = 5

type SessionContext = Pick<HttpContext, 'request' | 'session'>

/**
 * Starts tracking the current session for a user who just logged in: a fresh random key in the
 * session, its hash in user_sessions with the browser's IP and user agent.
 */
export async function startTrackedSession(ctx: SessionContext, user: User): Promise<UserSession> {
  const key = randomSecret()
  ctx.session.put(SESSION_KEY, key)
  return UserSession.create({
    userId: user.id,
    keyHash: sha256(key),
    ipAddress: ctx.request.ip(),
    userAgent: ctx.request.header('user-agent')?.slice(0, 512) ?? null,
    lastSeenAt: DateTime.now(),
  })
}

/** The user_sessions row of the current session, or null when it has none or it was ended. */
export async function currentTrackedSession(ctx: SessionContext, user: User) {
  const key = ctx.session.get(SESSION_KEY)
  if (typeof key !== 'string') return null
  return UserSession.query().where('user_id', user.id).where('key_hash', sha256(key)).first()
}

/**
 * Checks that the logged-in session may go on: its row still exists (it was not ended from
 * another session, by a password reset or by deleting the account). A session that never had a
 * key (a "remember me" login, or one made outside the login form) starts being tracked now.
 * Returns false when the session must be logged out.
 */
export async function verifyTrackedSession(ctx: SessionContext, user: User): Promise<boolean> {
  if (typeof ctx.session.get(SESSION_KEY) !== 'string') {
    await startTrackedSession(ctx, user)
    return true
  }

  const tracked = await currentTrackedSession(ctx, user)
  if (!tracked) return false

  if (tracked.lastSeenAt < DateTime.now().minus({ minutes: TOUCH_EVERY_MINUTES })) {
    tracked.lastSeenAt = DateTime.now()
    await tracked.save()
  }
  return true
}

/** Ends the current session's tracking (at logout). */
export async function endTrackedSession(ctx: SessionContext, user: User) {
  const key = ctx.session.get(SESSION_KEY)
  if (typeof key === 'string') {
    await UserSession.query().where('user_id', user.id).where('key_hash', sha256(key)).delete()
  }
  ctx.session.forget(SESSION_KEY)
}

/**
 * Ends every session of a user, or every one but `keepId`, and forgets the user's "remember me"
 * tokens so no browser can log back in without the password.
 */
export async function endUserSessions(user: User, keepId?: number) {
  const query = UserSession.query().where('user_id', user.id)
  if (keepId !== undefined) query.whereNot('id', keepId)
  await query.delete()

  await db.from('remember_me_tokens').where('tokenable_id', user.id).delete()
}
