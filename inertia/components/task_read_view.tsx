import type { ReactNode } from 'react'
import type { Data } from '@generated/data'
import { DueDate } from '~/components/due_date'
import { TaskLabels } from '~/components/task_labels'
import { TaskPriorityBadge, TaskStatusBadge } from '~/components/task_badges'
import type { TaskValues } from '~/lib/task_values'

type TaskReadViewProps = {
  task: TaskValues & { assignee: { id: number; fullName: string } | null }
  /** The project's labels; those of the task are shown. */
  labels: Data.Label[]
}

function Fact({ term, test, children }: { term: string; test: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted-foreground">{term}</dt>
      <dd className="mt-1 text-sm" data-test={test}>
        {children}
      </dd>
    </div>
  )
}

/**
 * A task as people read it: its facts (status, priority, assignee, due date in the reader's time
 * zone, labels) at a glance, then its description as text.
 */
export function TaskReadView({ task, labels }: TaskReadViewProps) {
  const taskLabels = labels.filter((label) => task.labelIds.includes(label.id))

  return (
    <>
      <dl
        className="grid grid-cols-2 gap-x-6 gap-y-4 rounded-lg border border-border bg-card p-4 sm:grid-cols-3 lg:grid-cols-5"
        data-test="task-facts"
      >
        <Fact term="Status" test="task-status">
          <TaskStatusBadge status={task.status} />
        </Fact>
        <Fact term="Priority" test="task-priority">
          <TaskPriorityBadge priority={task.priority} />
        </Fact>
        <Fact term="Assignee" test="task-assignee">
          {task.assignee ? (
            <span className="font-medium">{task.assignee.fullName}</span>
          ) : (
            <span className="text-muted-foreground">Nobody</span>
          )}
        </Fact>
        <Fact term="Due" test="task-due">
          <DueDate dueOn={task.dueOn} done={task.status === 'done'} />
        </Fact>
        <Fact term="Labels" test="task-labels">
          {taskLabels.length > 0 ? (
            <TaskLabels labels={taskLabels} />
          ) : (
            <span className="text-muted-foreground">None</span>
          )}
        </Fact>
      </dl>
      <section aria-labelledby="description-title" className="mt-6">
        <h2 id="description-title" className="text-lg font-semibold">
          Description
        </h2>
        {task.description ? (
          <p
            className="mt-2 max-w-prose text-sm leading-6 break-words whitespace-pre-line"
            data-test="task-description"
          >
            {task.description}
          </p>
        ) : (
          <p className="mt-2 text-sm text-muted-foreground" data-test="task-description">
            No description.
          </p>
        )}
      </section>
    </>
  )
}
