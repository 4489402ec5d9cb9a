import type Project from '#models/project'
import { ModelAdmin } from '#admin/model_admin'

/** Projects in the admin, with their labels edited inline. */
export class ProjectAdmin extends ModelAdmin<typeof Project> {
  area = 'Projects'
  activitySubject = 'project'
  listDisplay = ['name', 'owner.fullName', 'archivedAt', 'createdAt']
  searchFields = ['name', 'owner.email']
  listFilter = ['archivedAt', 'owner']
  ordering = ['-id']
  fieldsets = [{ title: null, fields: ['name', 'description', 'owner', 'archivedAt'] }]
  fieldOptions = {
    'description': { widget: 'textarea' as const },
    'owner.fullName': { label: 'Owner' },
  }
  inlines = [{ relation: 'labels', fields: ['name', 'color'], label: 'Labels', ordering: ['name'] }]
}
