import { Head, Link } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Badge } from '~/components/ui/badge'
import { buttonClasses } from '~/components/ui/button'
import { TaskCounts } from '~/components/task_counts'

type ProjectsProps = { projects: Data.Project[] }

export default function Projects({ projects }: ProjectsProps) {
  return (
    <>
      <Head title="Projects" />
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Projects</h1>
        <Link href={urlFor('projects.create')} className={buttonClasses('primary')}>
          New project
        </Link>
      </div>
      {projects.length === 0 ? (
        <p className="mt-8 text-muted-foreground" data-test="projects-empty">
          You are not a member of any project yet. Create one to get started.
        </p>
      ) : (
        <ul className="mt-6 grid gap-3 sm:grid-cols-2" data-test="projects-list">
          {projects.map((project) => (
            <li key={project.id}>
              <Link
                href={urlFor('projects.show', { projectId: project.id })}
                className="block rounded-lg border border-border bg-card p-4 hover:border-primary"
              >
                <span className="flex items-center gap-2">
                  <span className="font-medium">{project.name}</span>
                  {project.archived && <Badge>archived</Badge>}
                  <Badge tone="primary">{project.role}</Badge>
                </span>
                <TaskCounts counts={project.taskCounts} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
