import { randomUUID } from 'node:crypto'
import type { Workload, WorkloadContext } from './workloads.ts'

/** A task of the API, as far as the checks read it. */
type ApiTask = {
  status: string
  updatedAt: string
  assignee?: unknown
  labels?: unknown[]
}

function problem(condition: boolean, message: string): string | null {
  return condition ? null : message
}

/**
 * The API workloads: W6 is W1's list (to do, newest first, page 3 of 25, assignees and labels)
 * with a bearer token; W6s the same call with the pages' session instead, so that the difference
 * is the cost of the token check; W7 creates a task with a new Idempotency-Key per request.
 */
export function buildApiWorkloads(context: WorkloadContext & { token: string }): Workload[] {
  const { member, baseUrl, projectId, scratchProjectId, token } = context
  const listPath = `/api/v1/projects/${projectId}/tasks?status=todo&page=3&expand=assignee,labels`
  const bearer = { authorization: `Bearer ${token}`, accept: 'application/json' }

  /** Checks one answer of the list with `headers`: W1's checks, on the API's JSON. */
  async function checkList(headers: Record<string, string>) {
    const response = await fetch(`${baseUrl}${listPath}`, { headers })
    if (response.status !== 200) return `answered ${response.status}: ${await response.text()}`
    const { data: tasks, meta } = (await response.json()) as {
      data: ApiTask[]
      meta: { page?: number }
    }
    return (
      problem(tasks.length === 25, `${tasks.length} tasks on the page`) ??
      problem(meta.page === 3, 'not page 3') ??
      problem(
        tasks.every((task) => task.status === 'todo'),
        'a task that is not "to do"'
      ) ??
      problem(
        tasks.every((task, index) => index === 0 || tasks[index - 1].updatedAt >= task.updatedAt),
        'not newest first'
      ) ??
      problem(
        tasks.some((task) => task.assignee !== null) &&
          tasks.some((task) => (task.labels ?? []).length > 0),
        'no assignees or labels loaded'
      )
    )
  }

  const createPath = `/api/v1/projects/${scratchProjectId}/tasks`
  const createHeaders = { ...bearer, 'content-type': 'application/json' }
  const createBody = JSON.stringify({ title: 'Benchmark API task', status: 'todo', priority: 1 })

  return [
    {
      key: 'W6',
      title: 'API tasks list: W1 with a bearer token (JSON, expand=assignee,labels)',
      method: 'GET',
      path: listPath,
      headers: bearer,
      expectedStatuses: [200],
      check: () => checkList(bearer),
    },
    {
      key: 'W6s',
      title: 'API tasks list: W6 with the pages’ session instead of the token',
      method: 'GET',
      path: listPath,
      headers: { cookie: member.cookie, accept: 'application/json' },
      expectedStatuses: [200],
      check: () => checkList({ cookie: member.cookie, accept: 'application/json' }),
    },
    {
      key: 'W7',
      title: 'API create: a task with a new Idempotency-Key per request (bearer token)',
      method: 'POST',
      path: createPath,
      headers: createHeaders,
      body: createBody,
      newHeaders: () => ({ 'idempotency-key': randomUUID() }),
      expectedStatuses: [201],
      async check() {
        const key = randomUUID()
        const send = () =>
          fetch(`${baseUrl}${createPath}`, {
            method: 'POST',
            headers: { ...createHeaders, 'idempotency-key': key },
            body: createBody,
          })
        const first = await send()
        const retry = await send()
        const created = (await first.json()) as { data?: { id?: number } }
        const replayed = (await retry.json()) as { data?: { id?: number } }
        return (
          problem(first.status === 201, `answered ${first.status}`) ??
          problem(
            first.headers.get('location') === `${createPath}/${created.data?.id}`,
            `Location ${first.headers.get('location')}`
          ) ??
          problem(
            retry.status === 201 && retry.headers.get('idempotent-replayed') === 'true',
            'a retry with the same key was not replayed'
          ) ??
          problem(replayed.data?.id === created.data?.id, 'a retry created another task')
        )
      },
    },
  ]
}
