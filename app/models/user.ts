import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import db from '@adonisjs/lucid/services/db'
import { BaseModel, beforeCreate, beforeSave, column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbRememberMeTokensProvider } from '@adonisjs/auth/session'
import { AccessTokensProvider } from '#services/accounts/access_tokens_provider'
import { initialsOf } from '#services/accounts/initials'
import { withActivity } from '#activity/with_activity'
import { forgetsProjectOptions } from '#services/projects/forgets_project_options'
import Group from '#models/group'
import Permission from '#models/permission'

/** SQLite stores booleans as 0/1; every database reads back as a real boolean. */
const toBoolean = (value: unknown) => Boolean(value)

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

/**
 * The activity record notes that the password or the second factor changed, never the hash, the
 * secret or the last code's time step.
 */
const Recorded = withActivity({
  subjectType: 'user',
  projectId: () => null,
  redact: ['password', 'twoFactorSecret', 'twoFactorLastStep'],
})

/** A member's name is in the options of every project of theirs; leaving them all drops it. */
const Offered = forgetsProjectOptions(async (row, write, client) => {
  if (write === 'create' || (write === 'update' && !('fullName' in row.$dirty))) return []
  const memberships = await client
    .from('project_members')
    .where('user_id', (row as User).id)
    .select('project_id')
  return memberships.map((membership) => Number(membership.project_id))
})

/** An account. The password is hashed on save and never serialized. */
export default class User extends compose(BaseModel, AuthFinder, Recorded, Offered) {
  /** Storage of the hashed "remember me" tokens of the session guard. */
  static rememberMeTokens = DbRememberMeTokensProvider.forModel(User)

  /** Storage of the hashed personal access tokens of the API guard (the `api` guard). */
  static accessTokens = new AccessTokensProvider({
    tokenableModel: User,
    table: 'auth_access_tokens',
    type: 'auth_token',
    prefix: 'atr_',
  })

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare fullName: string

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  /** The authenticator app's TOTP secret, encrypted with the app key; never serialized. */
  @column({ serializeAs: null })
  declare twoFactorSecret: string | null

  /** When the first code confirmed the secret: two-factor sign-in is on from then. */
  @column.dateTime()
  declare twoFactorConfirmedAt: DateTime | null

  /** The time step of the last accepted code; a code of this step or an earlier one is refused. */
  @column({
    serializeAs: null,
    consume: (value: unknown) => (value === null ? null : Number(value)),
  })
  declare twoFactorLastStep: number | null

  /**
   * Raised each time every session of the user ends (endUserSessions): a login waiting for its
   * second step from before it no longer finishes. Never serialized. A model just created holds
   * no value until refreshed: read it as `sessionGeneration ?? 0`, the column's default.
   */
  @column({ serializeAs: null, consume: (value: unknown) => Number(value ?? 0) })
  declare sessionGeneration: number | undefined

  /** IANA time zone (e.g. Europe/Paris) in which pages show dates and reckon "today". */
  @column()
  declare timeZone: string

  @column({ consume: toBoolean })
  declare isActive: boolean

  @column({ consume: toBoolean })
  declare isStaff: boolean

  @column({ consume: toBoolean })
  declare isSuperuser: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** The admin groups the account belongs to; it holds their permissions. */
  @manyToMany(() => Group, {
    pivotTable: 'user_groups',
    pivotForeignKey: 'user_id',
    pivotRelatedForeignKey: 'group_id',
    pivotTimestamps: false,
  })
  declare groups: ManyToMany<typeof Group>

  /** The admin permissions granted to the account directly, besides its groups'. */
  @manyToMany(() => Permission, {
    pivotTable: 'user_permissions',
    pivotForeignKey: 'user_id',
    pivotRelatedForeignKey: 'permission_id',
    pivotTimestamps: false,
  })
  declare permissions: ManyToMany<typeof Permission>

  /** New accounts start on UTC until their owner picks a time zone. */
  @beforeCreate()
  static defaultTimeZone(user: User) {
    user.timeZone ??= 'UTC'
  }

  /**
   * Deactivating an account ends its sessions, "remember me" tokens, personal access tokens and
   * logins waiting for their second step at once, in the same transaction as the change, whoever
   * makes it (admin, command, script).
   */
  @beforeSave()
  static async endSessionsWhenDeactivated(user: User) {
    if (!user.$isPersisted || user.$dirty.isActive !== false) return
    const client = user.$trx ?? db
    await client.from('user_sessions').where('user_id', user.id).delete()
    await client.from('remember_me_tokens').where('tokenable_id', user.id).delete()
    await client.from('auth_access_tokens').where('tokenable_id', user.id).delete()
    await client.from('users').where('id', user.id).increment('session_generation', 1)
  }

  /** Up to two capital letters for avatars: "Ada Lovelace" gives "AL". */
  get initials(): string {
    return initialsOf(this.fullName, this.email)
  }
}
