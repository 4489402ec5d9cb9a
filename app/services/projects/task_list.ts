import type { Infer } from '@vinejs/vine/types'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { filterTasksValidator } from '#validators/task'
import { taskCardsQuery, toTaskCards } from '#services/projects/task_cards'
import { DEFAULT_TASK_SORT, type TaskSort } from '#shared/tasks'
import { isoDate } from '#services/projects/task_dates'

/** The filters and sort of the tasks list, as validated from the query string. */
export type TaskListQuery = Infer<typeof filterTasksValidator>

/** Tasks per page of the list. */
export const TASKS_PER_PAGE = 25

const ESCAPE_LIKE = /[\\%_]/g

/** How each sort order of the list orders the query (ties go to the newest task). */
const ORDERS: Record<TaskSort, (query: DatabaseQueryBuilderContract) => void> = {
  updated: (query) => query.orderBy('tasks.updated_at', 'desc'),
  due: (query) => query.orderByRaw('tasks.due_on is null').orderBy('tasks.due_on', 'asc'),
  priority: (query) => query.orderBy('tasks.priority', 'desc'),
}

/**
 * One page of a project's tasks, filtered and sorted, as cards (assignee and labels included):
 * three queries whatever the page size (the count, the page, its labels).
 */
export async function listTasks(projectId: number, filters: TaskListQuery) {
  const query = taskCardsQuery().where('tasks.project_id', projectId)

  if (filters.status) query.where('tasks.status', filters.status)
  if (filters.assignee === 'none') query.whereNull('tasks.assignee_id')
  else if (filters.assignee) query.where('tasks.assignee_id', Number(filters.assignee))
  if (filters.label) {
    query.whereExists((sub) =>
      sub
        .from('task_labels')
        .whereColumn('task_labels.task_id', 'tasks.id')
        .where('task_labels.label_id', filters.label!)
    )
  }
  if (filters.dueBefore) query.where('tasks.due_on', '<=', isoDate(filters.dueBefore))
  if (filters.dueAfter) query.where('tasks.due_on', '>=', isoDate(filters.dueAfter))
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(ESCAPE_LIKE, (char) => `\\${char}`)}%`
    query.where((inner) =>
      inner
        .whereRaw("lower(tasks.title) like ? escape '\\'", [pattern])
        .orWhereRaw("lower(tasks.description) like ? escape '\\'", [pattern])
    )
  }

  ORDERS[filters.sort ?? DEFAULT_TASK_SORT](query)
  query.orderBy('tasks.id', 'desc')

  const page = await query.paginate(filters.page ?? 1, TASKS_PER_PAGE)
  return {
    tasks: await toTaskCards(page.all()),
    page: page.currentPage,
    lastPage: page.lastPage,
    total: page.total,
    perPage: page.perPage,
  }
}
