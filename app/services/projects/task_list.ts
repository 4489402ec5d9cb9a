import type { Infer } from '@vinejs/vine/types'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { filterTasksValidator } from '#validators/task'
import { taskCardsQuery, toTaskCards } from '#services/projects/task_cards'
import { DEFAULT_TASK_SORT, type TaskSort } from '#shared/tasks'
import { isoDate } from '#services/projects/task_dates'
import type { OrderKey } from '#api/pagination'
import { pageWithTotal } from '#services/records/page_with_total'

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

/** The filters of the tasks list (pages and API alike), as validated from the query string. */
export type TaskFilters = Omit<TaskListQuery, 'page'>

/**
 * Narrows a query of tasks to a project and the list's filters: status, assignee (`none` for
 * unassigned), label, due date range and a text search in title and description.
 */
export function filterTasks<Query extends DatabaseQueryBuilderContract>(
  query: Query,
  projectId: number,
  filters: TaskFilters
): Query {
  query.where('tasks.project_id', projectId)
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
  return query
}

/**
 * Each sort of the list as keyset-ready order keys (never null: a missing due date sorts last),
 * for paging by cursor. They order exactly as the page's sorts do.
 */
export const TASK_ORDER_KEYS: Record<TaskSort, OrderKey[]> = {
  updated: [
    { sql: 'tasks.updated_at', direction: 'desc' },
    { sql: 'tasks.id', direction: 'desc' },
  ],
  due: [
    { sql: "coalesce(tasks.due_on, '9999-12-31')", direction: 'asc' },
    { sql: 'tasks.id', direction: 'desc' },
  ],
  priority: [
    { sql: 'tasks.priority', direction: 'desc' },
    { sql: 'tasks.id', direction: 'desc' },
  ],
}

/**
 * One page of a project's tasks, filtered and sorted, as cards (assignee and labels included):
 * two queries whatever the page size (the page with the total, its labels).
 */
export async function listTasks(projectId: number, filters: TaskListQuery) {
  const query = filterTasks(taskCardsQuery(), projectId, filters)

  ORDERS[filters.sort ?? DEFAULT_TASK_SORT](query)
  query.orderBy('tasks.id', 'desc')

  const page = await pageWithTotal(query, filters.page ?? 1, TASKS_PER_PAGE)
  return {
    tasks: await toTaskCards(page.rows),
    page: page.page,
    lastPage: page.lastPage,
    total: page.total,
    perPage: page.perPage,
  }
}
