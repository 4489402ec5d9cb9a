import db from '@adonisjs/lucid/services/db'
import type Comment from '#models/comment'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import type { AdminContext } from '#admin/admin_context'
import { ModelAdmin } from '#admin/model_admin'
import { commentFields } from '#validators/task'
import { CONTENT_EDITOR_ROLES } from '#shared/projects'

/** Comments on tasks. */
export class CommentAdmin extends ModelAdmin<typeof Comment> {
  area = 'Projects'
  activitySubject = 'comment'
  titleField = 'body'
  listDisplay = ['excerpt', 'author.fullName', 'taskId', 'createdAt']
  computed = {
    excerpt: {
      label: 'Comment',
      select: ['body'],
      value: (row: Record<string, any>) => {
        const body = String(row.body ?? '')
        return body.length > 80 ? `${body.slice(0, 79)}…` : body
      },
    },
  }
  searchFields = ['body']
  listFilter = ['author', 'createdAt']
  ordering = ['-id']
  fieldsets = [{ title: null, fields: ['task', 'author', 'body'] }]
  fieldRules = commentFields
  fieldOptions = {
    'body': { widget: 'textarea' as const },
    'author.fullName': { label: 'Author' },
    'taskId': { label: 'Task id' },
  }

  /**
   * As in the app, a comment is written by someone who may write in the task's project (an
   * editor or an owner); checked when the author or the task changes, so an author who left
   * keeps their old comments editable.
   */
  async clean(
    _ctx: AdminContext,
    _values: Record<string, unknown>,
    row: LucidRow
  ): Promise<Record<string, string>> {
    const comment = row as Comment
    const moved = comment.$dirty.authorId !== undefined || comment.$dirty.taskId !== undefined
    if (comment.$isPersisted && !moved) return {}
    const writer = await db
      .from('tasks')
      .join('project_members', 'project_members.project_id', 'tasks.project_id')
      .where('tasks.id', comment.taskId)
      .where('project_members.user_id', comment.authorId)
      .whereIn('project_members.role', [...CONTENT_EDITOR_ROLES])
      .first()
    return writer ? {} : { author: 'Choose an editor or owner of the task’s project' }
  }
}
