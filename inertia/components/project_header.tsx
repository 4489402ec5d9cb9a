import { Head, Link } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { cn } from '~/lib/cn'
import { urlFor } from '~/lib/client'
import { Badge } from '~/components/ui/badge'
import { projectResourceLinks } from '~/lib/resource_links'

/** A project's sections; resources made with `make:resource` add theirs (their URL segment). */
type Section = 'overview' | 'tasks' | 'board' | 'members' | 'labels' | 'settings' | (string & {})

/**
 * The title of a project's pages, with its sections as tabs. On a record's page (a task) pass
 * `recordTitle`: it leads the document title, and the project name is shown as context while the
 * page gives the record's title the one top heading.
 */
export function ProjectHeader({
  project,
  section,
  canManage,
  recordTitle,
}: {
  project: Data.Project
  section: Section
  canManage: boolean
  recordTitle?: string
}) {
  const Name = recordTitle === undefined ? 'h1' : 'p'

  const tabs: { key: Section; label: string; href: string }[] = [
    {
      key: 'overview',
      label: 'Overview',
      href: urlFor('projects.show', { projectId: project.id }),
    },
    {
      key: 'tasks',
      label: 'Tasks',
      href: urlFor('projects.tasks.index', { projectId: project.id }),
    },
    {
      key: 'board',
      label: 'Board',
      href: urlFor('projects.board.show', { projectId: project.id }),
    },
    {
      key: 'members',
      label: 'Members',
      href: urlFor('projects.members.index', { projectId: project.id }),
    },
    {
      key: 'labels',
      label: 'Labels',
      href: urlFor('projects.labels.index', { projectId: project.id }),
    },
    ...projectResourceLinks.map((link) => ({ ...link, href: link.href(project.id) })),
    ...(canManage
      ? [
          {
            key: 'settings' as const,
            label: 'Settings',
            href: urlFor('projects.edit', { projectId: project.id }),
          },
        ]
      : []),
  ]

  return (
    <>
      <Head title={recordTitle === undefined ? project.name : `${recordTitle} · ${project.name}`} />
      <div className="flex flex-wrap items-center gap-3">
        <Name
          className={cn(
            'tracking-tight',
            recordTitle === undefined ? 'text-2xl font-bold' : 'text-lg font-semibold'
          )}
          data-test="project-name"
        >
          {project.name}
        </Name>
        {project.archived && <Badge>archived</Badge>}
        {project.role && <Badge tone="primary">{project.role}</Badge>}
      </div>
      <nav aria-label="Project" className="mt-4 flex gap-1 border-b border-border">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={tab.key === section ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm',
              tab.key === section
                ? 'border-primary font-medium'
                : 'border-transparent text-muted-foreground hover:text-foreground'
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </>
  )
}
