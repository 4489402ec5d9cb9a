import type { CeilingContext } from './context.ts'
import { localIso } from './dates.ts'
import { type CeilingRequest, type CeilingResponse, header, redirect, text } from './http.ts'
import { type ProjectAccess, type Visit, editsContent } from './access.ts'
import { sessionCookie } from './cookies.ts'
import { validateTaskInput } from './task_input.ts'
import { verifyCsrfToken } from './session_cookie.ts'
import {
  INSERT_ACTIVITY,
  INSERT_TASK,
  INSERT_TASK_LABEL,
  LABEL_IDS,
  MEMBER_IDS,
} from './statements.ts'

function bodyOf(request: CeilingRequest): Record<string, unknown> | null {
  try {
    const body = JSON.parse(request.body)
    return body && typeof body === 'object' && !Array.isArray(body) ? body : null
  } catch {
    return null
  }
}

/** Back where the form was, with a message, as Atrium answers a refused form. */
function back(context: CeilingContext, request: CeilingRequest, visit: Visit, error: string) {
  const session = { ...visit.session, flash: { error } }
  return redirect(header(request, 'referer') ?? '/', [sessionCookie(context, session)])
}

/**
 * W3: creates a task. The CSRF token is checked against the session's secret, the visitor must
 * edit the project, the fields are validated and the assignee and labels must be the project's;
 * the task and its activity entry are written in one transaction, then the list is shown.
 */
export async function createTask(
  context: CeilingContext,
  request: CeilingRequest,
  visit: Visit,
  access: ProjectAccess
): Promise<CeilingResponse> {
  if (!verifyCsrfToken(visit.session.csrfSecret, header(request, 'x-xsrf-token'))) {
    return text(403, 'Invalid CSRF token')
  }
  if (!editsContent(visit, access)) return text(403, 'Not allowed')
  const body = bodyOf(request)
  if (!body) return back(context, request, visit, 'The request body is not a JSON object')
  const validated = validateTaskInput(body)
  if ('field' in validated) return back(context, request, visit, `Invalid ${validated.field}`)
  const { input } = validated

  const { db } = context
  const projectId = Number(access.project.id)
  const [members, labels] = await Promise.all([
    input.assigneeId === null ? [] : db.all(MEMBER_IDS, [projectId]),
    input.labelIds.length === 0 ? [] : db.all(LABEL_IDS, [projectId]),
  ])
  if (
    input.assigneeId !== null &&
    !members.some((row) => Number(row.user_id) === input.assigneeId)
  ) {
    return back(context, request, visit, 'The assignee must be a member of the project')
  }
  const projectLabels = new Set(labels.map((row) => Number(row.id)))
  if (input.labelIds.some((id) => !projectLabels.has(id))) {
    return back(context, request, visit, 'Choose labels of the task’s project')
  }

  const now = new Date()
  await db.transaction(async (trx) => {
    const [created] = await trx.all(INSERT_TASK, [
      projectId,
      input.title,
      input.description,
      input.status,
      input.priority,
      input.assigneeId,
      input.dueOn,
      trx.timestamp(now),
      trx.timestamp(now),
    ])
    const taskId = Number(created.id)
    for (const labelId of input.labelIds) await trx.all(INSERT_TASK_LABEL, [taskId, labelId])
    const changes = {
      project_id: [null, projectId],
      title: [null, input.title],
      description: [null, input.description],
      status: [null, input.status],
      priority: [null, input.priority],
      assignee_id: [null, input.assigneeId],
      due_on: [null, input.dueOn ? localIso(new Date(`${input.dueOn}T00:00:00`)) : null],
      created_at: [null, localIso(now)],
      id: [null, taskId],
    }
    await trx.all(INSERT_ACTIVITY, [
      Number(visit.user.id),
      projectId,
      String(taskId),
      JSON.stringify(changes),
      trx.timestamp(now),
    ])
  })

  const session = { ...visit.session, flash: { success: `Task "${input.title}" created.` } }
  return redirect(`/projects/${projectId}/tasks`, [sessionCookie(context, session)])
}
