import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { AccessTokenDbColumns } from '@adonisjs/auth/types/access_tokens'

/** How stale `last_used_at` may get before a verified request writes it again. */
export const LAST_USED_PRECISION_MS = 60_000

/** A date column as the drivers return it: a Date (PostgreSQL), a number or a string (SQLite). */
function toDate(value: Date | number | string | null): Date | null {
  if (value === null || value instanceof Date) return value
  return new Date(value)
}

/**
 * The storage of the API guard's tokens: the library's provider, except that verifying a token
 * refuses the token of an inactive or missing account, checks the secret before anything is
 * written, and writes `last_used_at` at most once a minute (not on every request).
 */
export class AccessTokensProvider<
  TokenableModel extends LucidModel,
> extends DbAccessTokensProvider<TokenableModel> {
  async verify(tokenValue: Secret<string>): Promise<AccessToken | null> {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded) return null

    const db = await this.getDb()
    const dbRow: AccessTokenDbColumns | null = await db
      .from(this.table)
      .join('users', 'users.id', `${this.table}.tokenable_id`)
      .where(`${this.table}.id`, String(decoded.identifier))
      .where(`${this.table}.type`, this.type)
      .where('users.is_active', true)
      .select(`${this.table}.*`)
      .first()
    if (!dbRow) return null

    const token = this.dbRowToAccessToken(dbRow)
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    const lastUsedAt = toDate(dbRow.last_used_at)
    const now = new Date()
    if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      await db.from(this.table).where('id', String(dbRow.id)).update({ last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }
}
