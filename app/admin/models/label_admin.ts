import type Label from '#models/label'
import { ModelAdmin } from '#admin/model_admin'

/** Labels of projects. */
export class LabelAdmin extends ModelAdmin<typeof Label> {
  area = 'Projects'
  activitySubject = 'label'
  listDisplay = ['name', 'color', 'project.name']
  searchFields = ['name']
  listFilter = ['project']
  ordering = ['name']
  fieldsets = [{ title: null, fields: ['project', 'name', 'color'] }]
  fieldOptions = { 'project.name': { label: 'Project' } }
}
