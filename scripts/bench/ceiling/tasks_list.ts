import type { CeilingContext } from './context.ts'
import type { CeilingRequest, CeilingResponse } from './http.ts'
import { text } from './http.ts'
import { dateOf, localIso, momentOf } from './dates.ts'
import { initialsOf, renderPage, sharedProps } from './inertia.ts'
import { projectChoices } from './project_choices.ts'
import { type ProjectAccess, type Visit, editsContent, projectProps } from './access.ts'
import {
  CARD_LABELS,
  COUNT_TASKS,
  COUNT_TASKS_IN_STATUS,
  TASK_PAGE,
  TASK_PAGE_IN_STATUS,
} from './statements.ts'

const PER_PAGE = 25
const STATUSES = new Set(['todo', 'in_progress', 'done'])

/** The filters the ceiling serves: a status and a page, newest first (W1's). */
function filtersOf(query: URLSearchParams) {
  for (const key of query.keys()) {
    if (key !== 'status' && key !== 'page') return null
  }
  const status = query.get('status')
  const page = query.has('page') ? Number(query.get('page')) : 1
  if (status !== null && !STATUSES.has(status)) return null
  if (!Number.isInteger(page) || page < 1 || page > 100_000) return null
  return { status, page }
}

/** W1: a page of a project's tasks as cards (assignee and labels), with the list's filters. */
export async function tasksList(
  context: CeilingContext,
  request: CeilingRequest,
  visit: Visit,
  access: ProjectAccess,
  query: URLSearchParams
): Promise<CeilingResponse> {
  const filters = filtersOf(query)
  if (!filters) return text(422, 'The ceiling serves the status and page filters only')
  const { db } = context
  const projectId = Number(access.project.id)
  const offset = (filters.page - 1) * PER_PAGE

  const [counted, rows, choices] = await Promise.all([
    filters.status
      ? db.all(COUNT_TASKS_IN_STATUS, [projectId, filters.status])
      : db.all(COUNT_TASKS, [projectId]),
    filters.status
      ? db.all(TASK_PAGE_IN_STATUS, [projectId, filters.status, PER_PAGE, offset])
      : db.all(TASK_PAGE, [projectId, PER_PAGE, offset]),
    projectChoices(db, projectId),
  ])
  const labelRows =
    rows.length === 0 ? [] : await db.all(CARD_LABELS, [db.list(rows.map((row) => row.id))])
  const labelsOf = new Map<number, { id: number; name: string; color: string }[]>()
  for (const label of labelRows) {
    const taskId = Number(label.task_id)
    let list = labelsOf.get(taskId)
    if (!list) labelsOf.set(taskId, (list = []))
    list.push({ id: Number(label.id), name: label.name, color: label.color })
  }
  const total = Number(counted[0].total)

  return renderPage({
    context,
    request,
    component: 'projects/tasks',
    session: visit.session,
    props: {
      ...sharedProps(visit.user),
      project: projectProps(access),
      tasks: rows.map((row) => ({
        id: Number(row.id),
        projectId: Number(row.project_id),
        title: row.title,
        status: row.status,
        priority: Number(row.priority),
        version: Number(row.version),
        dueOn: dateOf(row.due_on),
        updatedAt: localIso(momentOf(row.updated_at)),
        labels: labelsOf.get(Number(row.id)) ?? [],
        assignee:
          row.assignee_id === null
            ? null
            : {
                id: Number(row.assignee_id),
                fullName: row.assignee_name,
                initials: initialsOf(row.assignee_name),
              },
      })),
      pagination: {
        page: filters.page,
        lastPage: Math.max(Math.ceil(total / PER_PAGE), 1),
        total,
        perPage: PER_PAGE,
      },
      filters: {
        status: filters.status,
        assignee: null,
        label: null,
        dueBefore: null,
        dueAfter: null,
        q: null,
        sort: 'updated',
      },
      ...choices,
      canEdit: editsContent(visit, access),
    },
  })
}
