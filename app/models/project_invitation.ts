import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Project from '#models/project'
import type { ProjectRole } from '#shared/projects'
import { withActivity } from '#activity/with_activity'

const Recorded = withActivity({
  subjectType: 'project_invitation',
  projectId: (row) => row.projectId,
  ignore: ['tokenHash', 'createdAt'],
})

/** An invitation mailed to an address without an account; the token is only in the mailed link. */
export default class ProjectInvitation extends compose(BaseModel, Recorded) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare projectId: number

  @column()
  declare email: string

  @column()
  declare role: ProjectRole

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare invitedById: number | null

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Project)
  declare project: BelongsTo<typeof Project>

  @belongsTo(() => User, { foreignKey: 'invitedById' })
  declare invitedBy: BelongsTo<typeof User>

  /** Invitations whose link still works: the one definition of "open". */
  static open = scope((query) => {
    const client = query.client
    query.where('expires_at', '>', DateTime.now().toFormat(client.dialect.dateTimeFormat))
  })

  /** Invitations whose link no longer works: exactly those that are not open. */
  static expired = scope((query) => {
    const client = query.client
    query.where('expires_at', '<=', DateTime.now().toFormat(client.dialect.dateTimeFormat))
  })
}
