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

/** The activity record notes that the password changed, never the hash. */
const Recorded = withActivity({ subjectType: 'user', projectId: () => null, redact: ['password'] })

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
   * Deactivating an account ends its sessions, "remember me" tokens and personal access tokens at
   * once, in the same transaction as the change, whoever makes it (admin, command, script).
   */
  @beforeSave()
  static async endSessionsWhenDeactivated(user: User) {
    if (!user.$isPersisted || user.$dirty.isActive !== false) return
    const client = user.$trx ?? db
    await client.from('user_sessions').where('user_id', user.id).delete()
    await client.from('remember_me_tokens').where('tokenable_id', user.id).delete()
    await client.from('auth_access_tokens').where('tokenable_id', user.id).delete()
  }

  /** Up to two capital letters for avatars: "Ada Lovelace" gives "AL". */
  get initials(): string {
    return initialsOf(this.fullName, this.email)
  }
}
