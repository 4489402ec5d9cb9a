import type { Visitor } from './visitor.ts'

/** One benchmarked request, and how to tell that the app answers it correctly. */
export type Workload = {
  key: string
  title: string
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
  /** Headers that must change on every request (a new Idempotency-Key), merged over `headers`. */
  newHeaders?: () => Record<string, string>
  /** Statuses that count as a correct answer under load. */
  expectedStatuses: number[]
  /** Checks one answer in full before measuring: null when right, else what is wrong. */
  check: () => Promise<string | null>
}

/** Who and what the workloads use. */
export type WorkloadContext = {
  member: Visitor
  baseUrl: string
  /** The project whose list and task pages are measured (the member belongs to it). */
  projectId: number
  /** A project of the member's that receives the tasks W3 creates. */
  scratchProjectId: number
}

function problem(condition: boolean, message: string): string | null {
  return condition ? null : message
}

/** The five workloads of the benchmark, all Inertia visits except the anonymous first HTML. */
export async function buildWorkloads(context: WorkloadContext): Promise<Workload[]> {
  const { member, projectId, scratchProjectId } = context
  const listPath = `/projects/${projectId}/tasks?status=todo&page=3`
  const list = await member.visit(listPath)
  const taskId = (list.props.tasks as { id: number }[] | undefined)?.[0]?.id
  if (!taskId) throw new Error(`${listPath} has no tasks: is the data seeded?`)

  return [
    {
      key: 'W1',
      title: 'Tasks list: project 1, to do, newest first, page 3 of 25, assignees and labels',
      method: 'GET',
      path: listPath,
      headers: member.inertiaHeaders(),
      expectedStatuses: [200],
      async check() {
        const page = await member.visit(listPath)
        const tasks = page.props.tasks as {
          status: string
          updatedAt: string
          assignee: unknown
          labels: unknown[]
        }[]
        return (
          problem(page.component === 'projects/tasks', `component ${page.component}`) ??
          problem(tasks.length === 25, `${tasks.length} tasks on the page`) ??
          problem(page.props.pagination.page === 3, 'not page 3') ??
          problem(
            tasks.every((task) => task.status === 'todo'),
            'a task that is not "to do"'
          ) ??
          problem(
            tasks.every(
              (task, index) => index === 0 || tasks[index - 1].updatedAt >= task.updatedAt
            ),
            'not newest first'
          ) ??
          problem(
            tasks.some((task) => task.assignee !== null) &&
              tasks.some((task) => task.labels.length > 0),
            'no assignees or labels loaded'
          )
        )
      },
    },
    {
      key: 'W2',
      title: 'Task page with its latest 20 comments and their authors',
      method: 'GET',
      path: `/projects/${projectId}/tasks/${taskId}`,
      headers: member.inertiaHeaders(),
      expectedStatuses: [200],
      async check() {
        const page = await member.visit(`/projects/${projectId}/tasks/${taskId}`)
        const comments = page.props.comments as { author: string; body: string }[]
        return (
          problem(page.component === 'projects/task', `component ${page.component}`) ??
          problem(page.props.task?.id === taskId, 'another task') ??
          problem(
            comments.length === Math.min(20, page.props.commentsTotal) && comments.length > 0,
            `${comments.length} comments of ${page.props.commentsTotal}`
          ) ??
          problem(
            comments.every((comment) => comment.author.length > 0),
            'a comment without its author'
          )
        )
      },
    },
    {
      key: 'W4',
      title: 'Dashboard (counts per status over the user’s projects)',
      method: 'GET',
      path: '/dashboard',
      headers: member.inertiaHeaders(),
      expectedStatuses: [200],
      async check() {
        const page = await member.visit('/dashboard')
        const projects = page.props.projects as {
          id: number
          taskCounts: Record<string, number>
        }[]
        const measured = projects.find((project) => project.id === projectId)
        const counted = measured
          ? measured.taskCounts.todo + measured.taskCounts.in_progress + measured.taskCounts.done
          : 0
        return (
          problem(page.component === 'dashboard', `component ${page.component}`) ??
          problem(counted > 0, 'project 1 shows no task counts')
        )
      },
    },
    {
      key: 'W5',
      title: 'First HTML of /login for a logged-out visitor (server-rendered)',
      method: 'GET',
      path: '/login',
      headers: { accept: 'text/html' },
      expectedStatuses: [200],
      async check() {
        const response = await fetch(`${context.baseUrl}/login`, { headers: this.headers })
        const html = await response.text()
        return (
          problem(response.status === 200, `answered ${response.status}`) ??
          problem(html.includes('data-test="login-form"'), 'the form is not server-rendered')
        )
      },
    },
    {
      key: 'W3',
      title: 'Creating a task (validated, CSRF, membership checked)',
      method: 'POST',
      path: `/projects/${scratchProjectId}/tasks`,
      headers: {
        ...member.inertiaHeaders(),
        'content-type': 'application/json',
        'x-xsrf-token': member.xsrfToken,
      },
      body: JSON.stringify({ title: 'Benchmark task', status: 'todo', priority: 1 }),
      expectedStatuses: [302, 303],
      async check() {
        const listUrl = `/projects/${scratchProjectId}/tasks`
        const before = await member.visit(listUrl)
        const response = await member.request(listUrl, {
          method: 'POST',
          headers: this.headers,
          body: this.body,
        })
        const after = await member.visit(listUrl)
        return (
          problem(
            [302, 303].includes(response.status),
            `answered ${response.status}: ${await response.text()}`
          ) ??
          problem(response.headers.get('location') === listUrl, 'redirected elsewhere') ??
          problem(
            after.props.pagination.total === before.props.pagination.total + 1,
            'no task was created'
          )
        )
      },
    },
  ]
}
