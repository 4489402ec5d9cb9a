import type Comment from '#models/comment'
import { ModelAdmin } from '#admin/model_admin'

/** Comments on tasks. */
export class CommentAdmin extends ModelAdmin<typeof Comment> {
  area = 'Projects'
  activitySubject = 'comment'
  titleField = 'body'
  listDisplay = ['body', 'author.fullName', 'taskId', 'createdAt']
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
