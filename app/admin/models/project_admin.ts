import User from '#models/user'
import type Project from '#models/project'
import db from '@adonisjs/lucid/services/db'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AdminContext } from '#admin/admin_context'
import { ModelAdmin } from '#admin/model_admin'
import { addMember } from '#services/projects/project_membership'
import { projectFields } from '#validators/project'

/**
 * Projects in the admin, with their labels edited inline. As in the app, a new project's owner is
 * its first member, and the owner of a project is one of its owners.
 */
export class ProjectAdmin extends ModelAdmin<typeof Project> {
  area = 'Projects'
  activitySubject = 'project'
  listDisplay = ['name', 'owner.fullName', 'archivedAt', 'createdAt']
  searchFields = ['name', 'owner.email']
  listFilter = ['archivedAt', 'owner']
  ordering = ['-id']
  fieldsets = [{ title: null, fields: ['name', 'description', 'owner', 'archivedAt'] }]
  fieldRules = projectFields
  fieldOptions = {
    'description': { widget: 'textarea' as const },
    'owner.fullName': { label: 'Owner' },
  }
  inlines = [{ relation: 'labels', fields: ['name', 'color'], label: 'Labels', ordering: ['name'] }]

  /** Another owner must be an owner of the project already (make them one on its members). */
  async clean(
    _ctx: AdminContext,
    _values: Record<string, unknown>,
    row: LucidRow
  ): Promise<Record<string, string>> {
    const project = row as Project
    if (!project.$isPersisted || project.$dirty.ownerId === undefined) return {}
    const owner = await db
      .from('project_members')
      .where({ project_id: project.id, user_id: project.ownerId, role: 'owner' })
      .first()
    return owner
      ? {}
      : { owner: 'Choose an owner of the project: make them one on its members first' }
  }

  /** A new project's owner becomes its first member, with the role owner. */
  async saveModel(
    ctx: AdminContext,
    row: LucidRow,
    trx: TransactionClientContract,
    options: { adding: boolean }
  ) {
    await super.saveModel(ctx, row, trx, options)
    if (!options.adding) return
    const project = row as Project
    const owner = await User.findOrFail(project.ownerId, { client: trx })
    await addMember(project, owner, 'owner', trx)
  }
}
