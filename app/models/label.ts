import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Project from '#models/project'
import { withActivity } from '#activity/with_activity'
import { forgetsProjectOptions } from '#services/projects/forgets_project_options'

const Recorded = withActivity({ subjectType: 'label', projectId: (row) => row.projectId })
const Offered = forgetsProjectOptions((row) => [(row as Label).projectId])

/** A label of a project, with a colour ("#3b82f6"). */
export default class Label extends compose(BaseModel, Recorded, Offered) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare projectId: number

  @column()
  declare name: string

  @column()
  declare color: string

  @belongsTo(() => Project)
  declare project: BelongsTo<typeof Project>
}
