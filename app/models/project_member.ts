import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import { withActivity } from '#activity/with_activity'
import { forgetsProjectOptions } from '#services/projects/forgets_project_options'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Project from '#models/project'
import type { ProjectRole } from '#shared/projects'

const Recorded = withActivity({
  subjectType: 'project_member',
  projectId: (row) => row.projectId,
  subjectId: (row) => `${row.projectId}:${row.userId}`,
  // The record names a membership by project and user; its row id says nothing more.
  ignore: ['id'],
})
const Offered = forgetsProjectOptions((row) => [(row as ProjectMember).projectId])

/**
 * A user's membership of a project, with their role: the one way memberships are written (the
 * app's pages through `#services/projects/project_membership`, the admin, the seeders), each
 * write recorded in the activity under the name "project:user".
 */
export default class ProjectMember extends compose(BaseModel, Recorded, Offered) {
  static table = 'project_members'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare projectId: number

  @column()
  declare userId: number

  @column()
  declare role: ProjectRole

  @belongsTo(() => Project)
  declare project: BelongsTo<typeof Project>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
