import type { CeilingContext } from './context.ts'
import type { CeilingRequest, CeilingResponse } from './http.ts'
import { text } from './http.ts'
import { dateOf, localIso, momentOf } from './dates.ts'
import { renderPage, sharedProps } from './inertia.ts'
import { projectChoices } from './project_choices.ts'
import { type ProjectAccess, type Visit, editsContent, projectProps } from './access.ts'
import {
  COUNT_COMMENTS,
  LATEST_COMMENTS,
  PROJECT_TASK,
  TASK_HISTORY,
  TASK_LABEL_IDS,
} from './statements.ts'

/** W2: a task with its labels and assignee, its latest 20 comments and its history. */
export async function taskPage(
  context: CeilingContext,
  request: CeilingRequest,
  visit: Visit,
  access: ProjectAccess,
  taskId: number
): Promise<CeilingResponse> {
  const { db } = context
  const projectId = Number(access.project.id)
  if (!Number.isSafeInteger(taskId) || taskId > 2147483647) return text(404, 'Task not found')
  const readAt = Date.now()
  const [task] = await db.all(PROJECT_TASK, [projectId, taskId])
  if (!task) return text(404, 'Task not found')

  const [labelIds, choices, history, latest, counted] = await Promise.all([
    db.all(TASK_LABEL_IDS, [taskId]),
    projectChoices(db, projectId),
    db.all(TASK_HISTORY, [String(taskId)]),
    db.all(LATEST_COMMENTS, [taskId]),
    db.all(COUNT_COMMENTS, [taskId]),
  ])
  const userId = Number(visit.user.id)
  const canEdit = editsContent(visit, access)
  const archived = access.project.archived_at !== null

  return renderPage({
    context,
    request,
    component: 'projects/task',
    session: visit.session,
    props: {
      ...sharedProps(visit.user),
      project: projectProps(access),
      task: {
        id: Number(task.id),
        version: Number(task.version),
        title: task.title,
        description: task.description,
        status: task.status,
        priority: Number(task.priority),
        assigneeId: task.assignee_id === null ? null : Number(task.assignee_id),
        dueOn: dateOf(task.due_on),
        labelIds: labelIds.map((row) => Number(row.label_id)),
        assignee:
          task.assignee_id === null
            ? null
            : { id: Number(task.assignee_id), fullName: task.assignee_name },
      },
      conflict: null,
      ...choices,
      history: history.map((row) => ({
        id: Number(row.id),
        action: row.action,
        actor: row.actor_name ?? null,
        at: momentOf(row.created_at).toISOString(),
        changes: JSON.parse(row.changes),
      })),
      comments: latest.reverse().map((row) => {
        const mine = Number(row.author_id) === userId && canEdit
        const superuser = superuserOf(visit)
        const createdAt = momentOf(row.created_at)
        return {
          id: Number(row.id),
          body: row.body,
          author: row.author_name,
          createdAt: localIso(createdAt),
          edited: momentOf(row.updated_at).getTime() - createdAt.getTime() > 1000,
          canEdit: superuser || mine,
          canDelete: superuser || (!archived && (access.role === 'owner' || mine)),
        }
      }),
      commentsTotal: Number(counted[0].total),
      canEdit,
      readAt,
    },
  })
}

function superuserOf(visit: Visit): boolean {
  return Boolean(visit.user.is_active) && Boolean(visit.user.is_superuser)
}
