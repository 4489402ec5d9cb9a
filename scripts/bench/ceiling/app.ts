import type { CeilingContext } from './context.ts'
import { type CeilingRequest, type CeilingResponse, redirect, text } from './http.ts'
import { authenticate, projectAccess } from './access.ts'
import { staleVersion } from './inertia.ts'
import { logIn, loginPage } from './login.ts'
import { tasksList } from './tasks_list.ts'
import { taskPage } from './task_page.ts'
import { createTask } from './create_task.ts'

const PROJECT_ROUTE = /^\/projects\/(\d+)\/tasks(?:\/(\d+))?$/

/**
 * The ceiling's routes: readiness, `/login` (W5, and the login form), a project's tasks list (W1) and
 * creating a task (W3), a task's page (W2). Everything else answers 404.
 */
export async function handle(
  context: CeilingContext,
  request: CeilingRequest
): Promise<CeilingResponse> {
  const queryAt = request.url.indexOf('?')
  const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt)
  if (path === '/health/ready') return text(200, 'ok')
  if (path === '/login') {
    if (request.method === 'GET') return loginPage(context)
    if (request.method === 'POST') return logIn(context, request)
  }
  const route = PROJECT_ROUTE.exec(path)
  if (!route) return text(404, 'Not found')

  const visit = await authenticate(context, request)
  if (!visit) return redirect('/login')
  if (staleVersion(request, context.version)) {
    return { status: 409, headers: { 'x-inertia-location': request.url }, body: '' }
  }
  const access = await projectAccess(context, visit, Number(route[1]))
  if (!access) return text(404, 'Project not found')
  if (route[2] !== undefined) {
    if (request.method !== 'GET') return text(405, 'Method not allowed')
    return taskPage(context, request, visit, access, Number(route[2]))
  }
  if (request.method === 'POST') return createTask(context, request, visit, access)
  if (request.method !== 'GET') return text(405, 'Method not allowed')
  const query = new URLSearchParams(queryAt < 0 ? '' : request.url.slice(queryAt + 1))
  return tasksList(context, request, visit, access, query)
}
