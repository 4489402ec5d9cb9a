import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Task from '#models/task'
import Label from '#models/label'
import { withActivity } from '#activity/with_activity'
import { forgetsProjectOptions } from '#services/projects/forgets_project_options'

const Recorded = withActivity({ subjectType: 'project', projectId: (row) => row.id })
const Offered = forgetsProjectOptions((row, write) =>
  write === 'delete' ? [(row as Project).id] : []
)

/** A project: its tasks, labels and members. Archived projects are read-only. */
export default class Project extends compose(BaseModel, Recorded, Offered) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ownerId: number

  @column()
  declare name: string

  @column()
  declare description: string

  @column.dateTime()
  declare archivedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'ownerId' })
  declare owner: BelongsTo<typeof User>

  /** Read-only: memberships are written through the `ProjectMember` model. */
  @manyToMany(() => User, {
    pivotTable: 'project_members',
    pivotColumns: ['role'],
    pivotTimestamps: false,
  })
  declare members: ManyToMany<typeof User>

  @hasMany(() => Task)
  declare tasks: HasMany<typeof Task>

  @hasMany(() => Label)
  declare labels: HasMany<typeof Label>
}
