import type ProjectMember from '#models/project_member'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import { PROJECT_ROLES } from '#shared/projects'
import { ModelAdmin } from '#admin/model_admin'
import { memberFields } from '#validators/project'

/** Memberships: who is in which project, with which role. */
export class ProjectMemberAdmin extends ModelAdmin<typeof ProjectMember> {
  area = 'Projects'
  label = 'Members'
  labelSingular = 'member'
  activitySubject = 'project_member'
  titleField = 'role'
  listDisplay = ['project.name', 'user.fullName', 'user.email', 'role']
  searchFields = ['user.email', 'user.fullName', 'project.name']
  listFilter = ['role', 'project']
  ordering = ['-id']
  fieldOptions = {
    'role': { choices: Object.fromEntries(PROJECT_ROLES.map((role) => [role, role])) },
    'project.name': { label: 'Project' },
    'user.fullName': { label: 'Name' },
    'user.email': { label: 'Email' },
  }
  fieldsets = [{ title: null, fields: ['project', 'user', 'role'] }]
  fieldRules = memberFields

  /** The activity record names memberships by their project and user, as the app writes them. */
  activitySubjectIdOf(row: LucidRow) {
    const member = row as ProjectMember
    return `${member.projectId}:${member.userId}`
  }
}
