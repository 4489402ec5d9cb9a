import type Activity from '#models/activity'
import { ModelAdmin } from '#admin/model_admin'
import { JOB_ACTIVITY_SUBJECT } from '#admin/job_access'

/** The activity record, read-only: nobody adds, changes or deletes history. */
export class ActivityAdmin extends ModelAdmin<typeof Activity> {
  area = 'Accounts and history'
  label = 'Activities'
  labelSingular = 'activity'
  readOnly = true
  titleField = 'subjectType'
  listDisplay = ['createdAt', 'actor.fullName', 'action', 'subjectType', 'subjectId', 'projectId']
  searchFields = ['subjectId']
  listFilter = ['action', 'subjectType', 'actor', 'createdAt']
  ordering = ['-id']
  sortableFields = ['createdAt']
  fieldsets = [
    {
      title: null,
      fields: ['createdAt', 'actor', 'action', 'subjectType', 'subjectId', 'projectId', 'changes'],
    },
  ]
  fieldOptions = {
    'action': { choices: { created: 'created', updated: 'updated', deleted: 'deleted' } },
    'subjectType': {
      choices: Object.fromEntries(
        [
          'project',
          'project_member',
          'task',
          'label',
          'comment',
          'user',
          'group',
          JOB_ACTIVITY_SUBJECT,
        ].map((type) => [type, type])
      ),
    },
    'actor.fullName': { label: 'Actor' },
    'changes': { widget: 'textarea' as const },
  }
}
