import { createHash, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import apiConfig from '#config/api'
import { ApiException } from '#api/api_exception'

/** The kept answers, one per user and key (expired ones are deleted on a schedule). */
export const IDEMPOTENCY_KEYS_TABLE = 'api_idempotency_keys'

/** The answer headers a replay repeats. */
const REPLAYED_HEADERS = ['location', 'etag']

/** A key: 1 to 255 visible ASCII characters (a UUID, typically). */
const KEY = /^[\x21-\x7e]{1,255}$/

/**
 * Runs a POST at most once per Idempotency-Key and user: the first call runs and its answer is
 * kept for a day; a retry with the same key and the same request gets that answer again
 * (`Idempotent-Replayed: true`) and creates nothing; the same key with another request is refused
 * (422); a retry while the first call still runs is refused (409). Only a success is kept: a
 * refused call (4xx, which writes nothing) or a failed one forgets its key, so the corrected
 * retry can run. Without the header the call just runs.
 */
export async function runIdempotently(ctx: HttpContext, userId: number, next: NextFn) {
  const key = ctx.request.header('idempotency-key')
  if (key === undefined) return next()
  if (!KEY.test(key)) {
    throw new ApiException(400, 'Idempotency-Key must be 1 to 255 visible ASCII characters.')
  }

  const fingerprint = fingerprintOf(ctx)
  const claimed = await claim(userId, key, fingerprint)
  if (!claimed) return replay(ctx, userId, key, fingerprint)

  try {
    await next()
  } catch (error) {
    await db.from(IDEMPOTENCY_KEYS_TABLE).where('id', claimed).delete()
    throw error
  }
  const status = ctx.response.getStatus()
  if (status >= 400) {
    await db.from(IDEMPOTENCY_KEYS_TABLE).where('id', claimed).delete()
    return
  }
  const headers = Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = ctx.response.getHeader(name)
      return value === undefined ? [] : [[name, String(value)]]
    })
  )
  await db
    .from(IDEMPOTENCY_KEYS_TABLE)
    .where('id', claimed)
    .update({ status, body: serialize(ctx.response.getBody()), headers: JSON.stringify(headers) })
}

/** The request a key stands for: method, URL and body. */
function fingerprintOf(ctx: HttpContext) {
  return createHash('sha256')
    .update(`${ctx.request.method()} ${ctx.request.url(true)}\n${ctx.request.raw() ?? ''}`)
    .digest('hex')
}

/** Takes the key for this call; returns its row id, or null when a row already holds it. */
async function claim(userId: number, key: string, fingerprint: string): Promise<number | null> {
  const now = DateTime.utc()
  for (let attempt = 0; attempt < 2; attempt++) {
    const ticket = randomUUID()
    await db
      .table(IDEMPOTENCY_KEYS_TABLE)
      .insert({
        user_id: userId,
        key,
        fingerprint,
        claim: ticket,
        created_at: now.toJSDate(),
        expires_at: now.plus({ hours: apiConfig.idempotencyKeyTtlHours }).toJSDate(),
      })
      .onConflict(['user_id', 'key'])
      .ignore()
    // Whoever's claim the row holds ran the insert that won: the others replay or are refused.
    const row = await db
      .from(IDEMPOTENCY_KEYS_TABLE)
      .where({ user_id: userId, key })
      .select('id', 'claim', 'expires_at')
      .first()
    if (!row) continue
    if (row.claim === ticket) return Number(row.id)
    if (new Date(row.expires_at).getTime() > now.toMillis()) return null
    // An expired key not purged yet: forget it, and take the key anew.
    await db.from(IDEMPOTENCY_KEYS_TABLE).where({ id: row.id, claim: row.claim }).delete()
  }
  return null
}

/** Answers a retry from the kept answer, or refuses it. */
async function replay(ctx: HttpContext, userId: number, key: string, fingerprint: string) {
  const kept = await db.from(IDEMPOTENCY_KEYS_TABLE).where({ user_id: userId, key }).first()
  if (!kept) {
    throw new ApiException(409, 'A request with this Idempotency-Key is still being processed.')
  }
  if (kept.fingerprint !== fingerprint) {
    throw new ApiException(
      422,
      'This Idempotency-Key was already used for another request. Use a new key for a new request.',
      {
        code: 'E_IDEMPOTENCY_KEY_REUSED',
        errors: [
          {
            field: 'Idempotency-Key',
            rule: 'reused',
            message: 'This key was already used for another request.',
          },
        ],
      }
    )
  }
  if (kept.status === null) {
    throw new ApiException(409, 'A request with this Idempotency-Key is still being processed.', {
      code: 'E_IDEMPOTENCY_KEY_IN_USE',
    })
  }
  for (const [name, value] of Object.entries(JSON.parse(kept.headers ?? '{}'))) {
    ctx.response.header(name, String(value))
  }
  ctx.response.header('Idempotent-Replayed', 'true')
  ctx.response.status(Number(kept.status))
  ctx.response.header('Content-Type', 'application/json; charset=utf-8')
  ctx.response.send(kept.body ?? '')
}

function serialize(body: unknown): string {
  if (body === undefined || body === null) return ''
  return typeof body === 'string' ? body : JSON.stringify(body)
}
