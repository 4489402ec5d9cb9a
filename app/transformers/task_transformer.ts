import { AppTransformer } from '#services/http/app_transformer'
import { initialsOf } from '#services/accounts/initials'
import type { TaskCardRow } from '#services/projects/task_cards'

/** A task as lists, boards and the dashboard show it: its fields, assignee and labels. */
export default class TaskTransformer extends AppTransformer<TaskCardRow> {
  toObject() {
    const { assignee } = this.resource
    return {
      ...this.pick(this.resource, [
        'id',
        'projectId',
        'title',
        'status',
        'priority',
        'version',
        'dueOn',
        'updatedAt',
        'labels',
      ]),
      assignee: assignee ? { ...assignee, initials: initialsOf(assignee.fullName) } : null,
    }
  }
}
