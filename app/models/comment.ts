import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Task from '#models/task'
import { withActivity } from '#activity/with_activity'

const Recorded = withActivity({
  subjectType: 'comment',
  projectId: async (row, client) => {
    const task = await client.from('tasks').where('id', row.taskId).select('project_id').first()
    return task ? Number(task.project_id) : null
  },
  taskId: (row) => row.taskId,
})

/** A comment on a task. */
export default class Comment extends compose(BaseModel, Recorded) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare taskId: number

  @column()
  declare authorId: number

  @column()
  declare body: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Task)
  declare task: BelongsTo<typeof Task>

  @belongsTo(() => User, { foreignKey: 'authorId' })
  declare author: BelongsTo<typeof User>
}
