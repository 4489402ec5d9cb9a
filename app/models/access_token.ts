import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

/** The abilities column holds a JSON array; every database reads it back as a list. */
const abilitiesColumn = {
  prepare: (value: string[]) => JSON.stringify(value),
  consume: (value: unknown): string[] =>
    typeof value === 'string' ? JSON.parse(value) : ((value as string[] | null) ?? []),
}

/**
 * The token provider writes JavaScript dates, which SQLite keeps as milliseconds: read those as
 * well as the strings and dates Lucid's own column reads.
 */
const storedDate = {
  consume: (value: unknown): DateTime | null => {
    if (value === null || value === undefined) return null
    if (typeof value === 'number') return DateTime.fromMillis(value)
    if (value instanceof Date) return DateTime.fromJSDate(value)
    const text = String(value)
    const sql = DateTime.fromSQL(text)
    return sql.isValid ? sql : DateTime.fromISO(text)
  },
}

/**
 * A personal access token as a row, for the settings page's list and the admin. Tokens are
 * created and verified by the API guard's provider (`User.accessTokens`), which hashes the
 * secret: this model never holds one.
 */
export default class AccessToken extends BaseModel {
  static table = 'auth_access_tokens'

  @column({ isPrimary: true })
  declare id: number

  @column({ columnName: 'tokenable_id' })
  declare userId: number

  @column({ serializeAs: null })
  declare type: string

  @column()
  declare name: string

  @column({ serializeAs: null })
  declare hash: string

  @column(abilitiesColumn)
  declare abilities: string[]

  @column.dateTime({ ...storedDate, autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ ...storedDate, autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @column.dateTime(storedDate)
  declare lastUsedAt: DateTime | null

  @column.dateTime(storedDate)
  declare expiresAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
