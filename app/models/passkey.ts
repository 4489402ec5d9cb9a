import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

/** The transports column holds a JSON array of the authenticator's transports, or null. */
const transportsColumn = {
  prepare: (value: string[] | null) => (value ? JSON.stringify(value) : null),
  consume: (value: unknown): string[] | null =>
    typeof value === 'string' ? JSON.parse(value) : ((value as string[] | null) ?? null),
}

/**
 * A passkey (WebAuthn credential) of a user: the public key a login's signature is checked with
 * and the signature counter, which only goes up. Ids and keys are base64url text.
 */
export default class Passkey extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare name: string

  @column()
  declare credentialId: string

  @column({ serializeAs: null })
  declare publicKey: string

  /** PostgreSQL returns a bigint as a string; every database reads back a number. */
  @column({ consume: (value: unknown) => Number(value) })
  declare counter: number

  @column(transportsColumn)
  declare transports: string[] | null

  /** 'singleDevice' or 'multiDevice' (synced between devices). */
  @column()
  declare deviceType: string

  @column({ consume: (value: unknown) => Boolean(value) })
  declare backedUp: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare lastUsedAt: DateTime | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
