import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

/**
 * One entry of the append-only activity record (see app/activity): written by the recorder in
 * the transaction of the change it describes, never updated.
 */
export default class Activity extends BaseModel {
  static table = 'activities'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare actorId: number | null

  @column()
  declare projectId: number | null

  @column()
  declare subjectType: string

  @column()
  declare subjectId: string

  @column()
  declare action: 'created' | 'updated' | 'deleted'

  /** JSON: column name to [before, after]. */
  @column()
  declare changes: string

  @column.dateTime()
  declare createdAt: DateTime

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>
}
