import type Label from '#models/label'
import { ModelAdmin } from '#admin/model_admin'
import { labelFields } from '#validators/project'

/** Labels of projects. */
export class LabelAdmin extends ModelAdmin<typeof Label> {
  area = 'Projects'
  activitySubject = 'label'
  listDisplay = ['name', 'color', 'project.name']
  searchFields = ['name']
  listFilter = ['project']
  ordering = ['name']
  fieldsets = [{ title: null, fields: ['project', 'name', 'color'] }]
  fieldRules = labelFields
  fieldOptions = { 'project.name': { label: 'Project' } }
}
