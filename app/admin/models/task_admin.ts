import db from '@adonisjs/lucid/services/db'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import type Task from '#models/task'
import type { AdminContext } from '#admin/admin_context'
import { ModelAdmin } from '#admin/model_admin'
import { markTasks } from '#admin/models/task_actions'
import { taskFields } from '#validators/task'
import { TASK_STATUS_NAMES } from '#shared/tasks'

/** Tasks in the admin: searchable by title and project, filtered by status, project, due date. */
export class TaskAdmin extends ModelAdmin<typeof Task> {
  area = 'Projects'
  activitySubject = 'task'
  listDisplay = [
    'title',
    'project.name',
    'status',
    'priority',
    'assignee.fullName',
    'dueOn',
    'updatedAt',
  ]
  searchFields = ['title']
  listFilter = ['status', 'project', 'assignee', 'dueOn']
  ordering = ['-id']
  sortableFields = ['id', 'title', 'status', 'priority', 'dueOn', 'updatedAt']
  readonlyFields = ['version']
  fieldsets = [
    { title: null, fields: ['project', 'title', 'description', 'status', 'priority'] },
    { title: 'Planning', fields: ['assignee', 'dueOn', 'labels'] },
  ]
  fieldRules = taskFields
  fieldOptions = {
    'status': { choices: TASK_STATUS_NAMES },
    'description': { widget: 'textarea' as const },
    'project.name': { label: 'Project' },
    'assignee.fullName': { label: 'Assignee' },
  }
  inlines = [
    {
      relation: 'comments',
      fields: ['body'],
      readonlyFields: ['author'],
      label: 'Comments',
      ordering: ['id'],
      defaults: (ctx: AdminContext) => ({ authorId: ctx.user.id }),
    },
  ]
  actions = [markTasks('done'), markTasks('todo')]

  /** As in the app: the assignee is a member of the task's project, the labels are its own. */
  async clean(_ctx: AdminContext, values: Record<string, unknown>, row: LucidRow) {
    const task = row as Task
    const problems: Record<string, string> = {}
    if (task.assigneeId !== null) {
      const member = await db
        .from('project_members')
        .where({ project_id: task.projectId, user_id: task.assigneeId })
        .first()
      if (!member) problems.assignee = 'The assignee must be a member of the project'
    }
    const labelIds = (values.labels as number[] | undefined) ?? []
    if (labelIds.length > 0) {
      const own = await db
        .from('labels')
        .where('project_id', task.projectId)
        .whereIn('id', labelIds)
        .count('* as total')
        .first()
      if (Number(own?.total) !== new Set(labelIds).size) {
        problems.labels = 'Choose labels of the task’s project'
      }
    }
    return problems
  }
}
