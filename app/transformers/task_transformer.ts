import type Task from '#models/task'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** A task as lists and boards show it: its fields, assignee and labels. */
export default class TaskTransformer extends BaseTransformer<Task> {
  toObject() {
    const assignee = this.resource.$preloaded.assignee ? this.resource.assignee : null
    return {
      ...this.pick(this.resource, ['id', 'projectId', 'title', 'status', 'priority', 'version']),
      dueOn: this.resource.dueOn?.toISODate() ?? null,
      updatedAt: this.resource.updatedAt.toISO()!,
      assignee: assignee
        ? { id: assignee.id, fullName: assignee.fullName, initials: assignee.initials }
        : null,
      labels: (this.resource.$preloaded.labels ? this.resource.labels : []).map((label) => ({
        id: label.id,
        name: label.name,
        color: label.color,
      })),
    }
  }
}
