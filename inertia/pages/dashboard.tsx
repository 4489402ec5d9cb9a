import { Head, Link, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Badge } from '~/components/ui/badge'
import { TaskCounts } from '~/components/task_counts'
import { Moment } from '~/components/moment'
import { DueDate } from '~/components/due_date'
import { useLive } from '~/hooks/use_live'
import { reloadLive } from '~/lib/live_reload'
import { LiveIndicator } from '~/components/live_indicator'
import { projectChannel, userChannel } from '#shared/live'

/** What a change in one of the user's projects reloads on the dashboard. */
const DASHBOARD_PROPS = ['projects', 'dueTasks', 'activity', 'readAt']

type DashboardProps = {
  projects: Data.Project[]
  dueTasks: Data.Task[]
  activity: {
    id: number
    action: string
    subjectType: string
    subjectId: string
    projectId: number
    projectName: string
    actor: string | null
    at: string
  }[]
  readAt: number
}

/**
 * The user's overview. Counts, due tasks and recent activity follow changes in their projects
 * live, and a project they join or leave appears or goes.
 */
export default function Dashboard({ projects, dueTasks, activity, readAt }: DashboardProps) {
  const me = usePage<Data.SharedProps>().props.user?.id
  const reload = () => reloadLive(DASHBOARD_PROPS)
  const live = useLive({
    channels: [
      ...(me ? [userChannel(me)] : []),
      ...projects.map((project) => projectChannel(project.id)),
    ],
    since: readAt,
    onChanges: reload,
    onReconnect: reload,
  })
  const projectName = (id: number) => projects.find((project) => project.id === id)?.name ?? ''

  return (
    <>
      <Head title="Dashboard" />
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Dashboard</h1>
        <LiveIndicator status={live.status} />
      </div>
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="my-projects">
          <h2 id="my-projects" className="text-lg font-semibold">
            My projects
          </h2>
          <ul className="mt-3 space-y-2" data-test="dashboard-projects">
            {projects.map((project) => (
              <li key={project.id}>
                <Link
                  href={urlFor('projects.tasks.index', { projectId: project.id })}
                  className="block rounded-lg border border-border bg-card p-3 hover:border-primary"
                >
                  <span className="font-medium">{project.name}</span>{' '}
                  <Badge tone="primary">{project.role}</Badge>
                  <TaskCounts counts={project.taskCounts} />
                </Link>
              </li>
            ))}
            {projects.length === 0 && (
              <li className="text-sm text-muted-foreground">No projects yet.</li>
            )}
          </ul>
        </section>
        <section aria-labelledby="due-tasks">
          <h2 id="due-tasks" className="text-lg font-semibold">
            Due soon or overdue, assigned to me
          </h2>
          <ul className="mt-3 space-y-2" data-test="dashboard-due">
            {dueTasks.map((task) => (
              <li key={task.id} className="flex items-center justify-between gap-3 text-sm">
                <Link
                  href={urlFor('projects.tasks.show', { projectId: task.projectId, id: task.id })}
                  className="hover:underline"
                >
                  {task.title}{' '}
                  <span className="text-muted-foreground">· {projectName(task.projectId)}</span>
                </Link>
                <DueDate dueOn={task.dueOn} />
              </li>
            ))}
            {dueTasks.length === 0 && (
              <li className="text-sm text-muted-foreground">Nothing due this week.</li>
            )}
          </ul>
        </section>
        <section aria-labelledby="recent-activity" className="lg:col-span-2">
          <h2 id="recent-activity" className="text-lg font-semibold">
            Recent activity in my projects
          </h2>
          <ul className="mt-3 space-y-1 text-sm" data-test="dashboard-activity">
            {activity.map((entry) => (
              <li key={entry.id}>
                <span className="font-medium">{entry.actor ?? 'System'}</span> {entry.action} a{' '}
                {entry.subjectType.replace('_', ' ')} in {entry.projectName} ·{' '}
                <Moment iso={entry.at} className="text-muted-foreground" />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  )
}
