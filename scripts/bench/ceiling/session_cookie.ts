import { createHash, createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

/** The ceiling's session cookie. */
export const SESSION_COOKIE = 'ceiling-session'

/** The cookie holding the CSRF token that forms echo in `X-XSRF-TOKEN`, as Atrium's. */
export const XSRF_COOKIE = 'XSRF-TOKEN'

/** What the signed session cookie carries. */
export type CeilingSession = {
  /** The user's id. */
  userId: number
  /** The random key whose SHA-256 names the session's row in `user_sessions`. */
  key: string
  /** The secret CSRF tokens are derived from. */
  csrfSecret: string
  /** Flash messages for the next page. */
  flash?: { success?: string; error?: string }
}

/**
 * Signs and verifies the ceiling's session cookie: the session as base64url JSON and its
 * HMAC-SHA256, checked in constant time on every request. The key is prepared once.
 */
export class SessionSigner {
  #key: KeyObject

  constructor(secret: string) {
    this.#key = createSecretKey(createHash('sha256').update(secret).digest())
  }

  #mac(payload: string): Buffer {
    return createHmac('sha256', this.#key).update(payload).digest()
  }

  /** The cookie value of `session`. */
  sign(session: CeilingSession): string {
    const payload = Buffer.from(JSON.stringify(session)).toString('base64url')
    return `${payload}.${this.#mac(payload).toString('base64url')}`
  }

  /** The session a cookie value carries, or null when it is missing, malformed or forged. */
  verify(value: string | undefined): CeilingSession | null {
    if (!value) return null
    const dot = value.indexOf('.')
    if (dot < 1) return null
    const payload = value.slice(0, dot)
    const given = Buffer.from(value.slice(dot + 1), 'base64url')
    const expected = this.#mac(payload)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    try {
      const session = JSON.parse(Buffer.from(payload, 'base64url').toString())
      return Number.isSafeInteger(session.userId) && typeof session.key === 'string'
        ? session
        : null
    } catch {
      return null
    }
  }
}

/** A fresh random secret (session keys, CSRF secrets, CSRF salts). */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url')
}

/** SHA-256 in hex, as Atrium stores `user_sessions.key_hash`. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** A CSRF token for `secret`: a salt and the salted secret's digest. */
export function csrfToken(secret: string): string {
  const salt = randomSecret(8)
  return `${salt}.${createHash('sha256').update(`${salt}.${secret}`).digest('base64url')}`
}

/** Whether `token` was derived from `secret` (constant time). */
export function verifyCsrfToken(secret: string, token: string | undefined): boolean {
  if (!token) return false
  const dot = token.indexOf('.')
  if (dot < 1) return false
  const salt = token.slice(0, dot)
  const expected = Buffer.from(
    `${salt}.${createHash('sha256').update(`${salt}.${secret}`).digest('base64url')}`
  )
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The cookies of a request header, by name (values left encoded). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  if (!header) return cookies
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim())
  }
  return cookies
}
