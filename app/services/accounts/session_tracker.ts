import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import UserSession from '#models/user_session'
import type { HttpContext } from '@adonisjs/core/http'
import { randomSecret, sha256 } from '#services/accounts/hashing'

/** Where a session keeps the random key that names its row in user_sessions. */
const SESSION_KEY = 'session_key'

/** A session's last-seen time is written at most this often. */
const TOUCH_EVERY_MINUTES = 5

/** Rows of sessions unseen for this long are dropped (longer than "remember me" lasts). */
export const STALE_AFTER_DAYS = 31

/** The cookie of the session guard's "remember me" token. */
const REMEMBER_COOKIE = 'remember_web'

type SessionContext = Pick<HttpContext, 'request' | 'session'>

/**
 * Starts tracking the current session for a user who just logged in: a fresh random key in the
 * session, its hash in user_sessions with the browser's IP and user agent.
 */
export async function startTrackedSession(ctx: SessionContext, user: User): Promise<UserSession> {
  const key = randomSecret()
  ctx.session.put(SESSION_KEY, key)
  await pruneStaleSessions(user)
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

/** The hash naming the current session's user_sessions row, or null when it has none. */
export function trackedSessionKeyHash(ctx: Pick<HttpContext, 'session'>): string | null {
  const key = ctx.session.get(SESSION_KEY)
  return typeof key === 'string' ? sha256(key) : null
}

/** The session rows loaded together with their user, by {@link findUserWithTrackedSession}. */
const loadedWithUser = new WeakMap<User, UserSession | null>()

/**
 * Loads a user together with the user_sessions row of the current session, in one query (the
 * session guard's lookup of the logged-in user). {@link verifyTrackedSession} then checks that
 * row without querying again. Without a session key, it is a plain lookup of the user.
 */
export async function findUserWithTrackedSession(
  ctx: SessionContext,
  model: typeof User,
  id: string | number | BigInt
): Promise<User | null> {
  const key = ctx.session.get(SESSION_KEY)
  if (typeof key !== 'string') return model.find(id)

  const user = await model
    .query()
    .leftJoin('user_sessions', (join) => {
      join
        .on('user_sessions.user_id', '=', 'users.id')
        .andOnVal('user_sessions.key_hash', '=', sha256(key))
    })
    .where('users.id', String(id))
    .select(
      'users.*',
      'user_sessions.id as tracked_id',
      'user_sessions.last_seen_at as tracked_seen'
    )
    .first()
  if (!user) return null

  loadedWithUser.set(
    user,
    user.$extras.tracked_id === null
      ? null
      : UserSession.$createFromAdapterResult({
          id: user.$extras.tracked_id,
          user_id: user.id,
          last_seen_at: user.$extras.tracked_seen,
        })
  )
  return user
}

/**
 * Checks that the logged-in session may go on: its row still exists (it was not ended from
 * another session, by a password reset or by deleting the account). A session that never had a
 * key (a "remember me" login, or one made outside the login form) starts being tracked now.
 * Returns false when the session must be logged out. The row loaded with the user is used when
 * there is one, so the check costs no query of its own.
 */
export async function verifyTrackedSession(ctx: SessionContext, user: User): Promise<boolean> {
  if (typeof ctx.session.get(SESSION_KEY) !== 'string') {
    await startTrackedSession(ctx, user)
    return true
  }

  const tracked = loadedWithUser.has(user)
    ? loadedWithUser.get(user)
    : await currentTrackedSession(ctx, user)
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

/** Sessions not seen for longer than "remember me" lasts can never come back: drop their rows. */
async function pruneStaleSessions(user: User) {
  const cutoff = DateTime.now().minus({ days: STALE_AFTER_DAYS })
  const rows = await UserSession.query().where('user_id', user.id).select('id', 'last_seen_at')
  const stale = rows.filter((row) => row.lastSeenAt < cutoff).map((row) => row.id)
  if (stale.length > 0) await UserSession.query().whereIn('id', stale).delete()
}

/**
 * Ends every session of a user and forgets what could bring one back without the password: the
 * "remember me" tokens and pending password reset links. Raising the user's session generation
 * makes every login waiting for its second step fail (app/services/accounts/pending_login.ts). Pass a transaction to make it part of a
 * larger change (a password reset).
 */
export async function endUserSessions(user: User, trx?: TransactionClientContract) {
  const client = trx ?? db
  await client.from('user_sessions').where('user_id', user.id).delete()
  await client.from('users').where('id', user.id).increment('session_generation', 1)
  await client.from('remember_me_tokens').where('tokenable_id', user.id).delete()
  await client.from('password_reset_tokens').where('user_id', user.id).whereNull('used_at').delete()
}

/**
 * After the password changes, or when the user logs out the other sessions: every session and
 * token of the user ends, including any stolen copy of this browser's cookie, and this browser is
 * logged in again with a fresh session id and key (and a new "remember me" token if it had one).
 */
export async function restartUserSessions(ctx: HttpContext, user: User) {
  const remembered = REMEMBER_COOKIE in ctx.request.cookiesList()
  await endUserSessions(user)
  await ctx.auth.use('web').login(user, remembered)
  await startTrackedSession(ctx, user)
}
