import type Comment from '#models/comment'
import { ModelAdmin } from '#admin/model_admin'

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
  fieldsets = [{ title: null, fields: ['taskId', 'author', 'body'] }]
  fieldOptions = {
    'body': { widget: 'textarea' as const },
    'author.fullName': { label: 'Author' },
    'taskId': { label: 'Task id' },
  }
}
