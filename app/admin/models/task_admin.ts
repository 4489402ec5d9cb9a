import type { LucidRow } from '@adonisjs/lucid/types/model'
import type Task from '#models/task'
import type { AdminContext } from '#admin/admin_context'
import { ModelAdmin } from '#admin/model_admin'
import { markTasks } from '#admin/models/task_actions'
import { taskFields } from '#validators/task'
import { TASK_STATUS_NAMES } from '#shared/tasks'
import { checkTaskReferences } from '#services/projects/task_references'

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

  /** As in the app, by the same rule: the assignee is a project member, the labels its own. */
  async clean(_ctx: AdminContext, values: Record<string, unknown>, row: LucidRow) {
    const task = row as Task
    const problems = await checkTaskReferences(task.projectId, {
      assigneeId: task.assigneeId,
      labelIds: (values.labels as number[] | undefined) ?? [],
    })
    return {
      ...(problems.assigneeId && { assignee: problems.assigneeId }),
      ...(problems.labelIds && { labels: problems.labelIds }),
    }
  }
}
