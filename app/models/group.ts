import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Permission from '#models/permission'
import { withActivity } from '#activity/with_activity'

const Recorded = withActivity({ subjectType: 'group', projectId: () => null })

/** A named set of permissions; its users hold every one of them ("Editors", "Support"). */
export default class Group extends compose(BaseModel, Recorded) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @manyToMany(() => Permission, {
    pivotTable: 'group_permissions',
    pivotForeignKey: 'group_id',
    pivotRelatedForeignKey: 'permission_id',
    pivotTimestamps: false,
  })
  declare permissions: ManyToMany<typeof Permission>

  @manyToMany(() => User, {
    pivotTable: 'user_groups',
    pivotForeignKey: 'group_id',
    pivotRelatedForeignKey: 'user_id',
    pivotTimestamps: false,
  })
  declare users: ManyToMany<typeof User>
}
