import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import {
  BaseModel,
  beforeUpdate,
  belongsTo,
  column,
  hasMany,
  manyToMany,
} from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Label from '#models/label'
import Comment from '#models/comment'
import Project from '#models/project'
import { withActivity } from '#activity/with_activity'
import type { TaskStatus } from '#shared/tasks'

const Recorded = withActivity({
  subjectType: 'task',
  projectId: (row) => row.projectId,
  ignore: ['version'],
})

/** A task of a project. `version` grows with every update, for conflict detection. */
export default class Task extends compose(BaseModel, Recorded) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare projectId: number

  @column()
  declare title: string

  @column()
  declare description: string

  @column()
  declare status: TaskStatus

  @column()
  declare priority: number

  @column()
  declare assigneeId: number | null

  @column.date()
  declare dueOn: DateTime | null

  @column()
  declare version: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Project)
  declare project: BelongsTo<typeof Project>

  @belongsTo(() => User, { foreignKey: 'assigneeId' })
  declare assignee: BelongsTo<typeof User>

  @manyToMany(() => Label, { pivotTable: 'task_labels', pivotTimestamps: false })
  declare labels: ManyToMany<typeof Label>

  @hasMany(() => Comment)
  declare comments: HasMany<typeof Comment>

  /** Every saved change makes a new version, so an edit based on an older one can be refused. */
  @beforeUpdate()
  static bumpVersion(task: Task) {
    const changed = Object.keys(task.$dirty).filter(
      (key) => key !== 'version' && key !== 'updatedAt'
    )
    if (changed.length > 0) task.version = (task.$original.version ?? task.version) + 1
  }
}
