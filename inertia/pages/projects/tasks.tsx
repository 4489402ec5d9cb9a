import { Link } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { toQueryString } from '~/lib/query_string'
import { TaskLabels } from '~/components/task_labels'
import { DEFAULT_TASK_SORT, priorityName, statusName } from '#shared/tasks'
import { Table, Td, Th } from '~/components/ui/table'
import { buttonClasses } from '~/components/ui/button'
import { ProjectHeader } from '~/components/project_header'
import { NewTaskDialog } from '~/components/new_task_dialog'
import { type TaskFilters, TaskFiltersBar } from '~/components/task_filters'
import { DueDate } from '~/components/due_date'

type TasksProps = {
  project: Data.Project
  tasks: Data.Task[]
  pagination: { page: number; lastPage: number; total: number; perPage: number }
  filters: TaskFilters
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
  canEdit: boolean
}

export default function Tasks({
  project,
  tasks,
  pagination,
  filters,
  members,
  labels,
  canEdit,
}: TasksProps) {
  const listUrl = urlFor('projects.tasks.index', { projectId: project.id })
  const pageUrl = (page: number) => {
    const query: Record<string, string | number | null> = { ...filters, page }
    if (query.sort === DEFAULT_TASK_SORT) query.sort = null
    return `${listUrl}?${toQueryString(query)}`
  }

  return (
    <>
      <ProjectHeader project={project} section="tasks" canManage={project.role === 'owner'} />
      <div className="mt-4 flex items-center justify-between">
        <p className="text-sm text-muted-foreground" data-test="tasks-total">
          {pagination.total} {pagination.total === 1 ? 'task' : 'tasks'}
        </p>
        {canEdit && <NewTaskDialog projectId={project.id} members={members} labels={labels} />}
      </div>
      <TaskFiltersBar url={listUrl} filters={filters} members={members} labels={labels} />
      <div className="mt-4">
        <Table data-test="tasks-table">
          <thead>
            <tr>
              <Th>Title</Th>
              <Th>Status</Th>
              <Th>Priority</Th>
              <Th>Assignee</Th>
              <Th>Due</Th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} data-test="task-row">
                <Td>
                  <Link
                    href={urlFor('projects.tasks.show', { projectId: project.id, id: task.id })}
                    className="font-medium hover:underline"
                  >
                    {task.title}
                  </Link>
                  <TaskLabels labels={task.labels} className="ml-2" />
                </Td>
                <Td>{statusName(task.status)}</Td>
                <Td>{task.priority > 0 ? priorityName(task.priority) : '—'}</Td>
                <Td>{task.assignee?.fullName ?? '—'}</Td>
                <Td>
                  <DueDate dueOn={task.dueOn} done={task.status === 'done'} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {tasks.length === 0 && (
          <p className="mt-4 text-sm text-muted-foreground">No task matches.</p>
        )}
      </div>
      {pagination.lastPage > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {pagination.page > 1 && (
            <Link
              href={pageUrl(pagination.page - 1)}
              preserveScroll
              only={['tasks', 'pagination', 'filters']}
              className={buttonClasses('secondary', 'sm')}
            >
              Previous
            </Link>
          )}
          <span>
            Page {pagination.page} of {pagination.lastPage}
          </span>
          {pagination.page < pagination.lastPage && (
            <Link
              href={pageUrl(pagination.page + 1)}
              preserveScroll
              only={['tasks', 'pagination', 'filters']}
              className={buttonClasses('secondary', 'sm')}
            >
              Next
            </Link>
          )}
        </nav>
      )}
    </>
  )
}
