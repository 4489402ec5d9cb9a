import type { DragEvent } from 'react'
import { Link } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { cn } from '~/lib/cn'
import { urlFor } from '~/lib/client'
import { DueDate } from '~/components/due_date'
import { TaskLabels } from '~/components/task_labels'
import { TASK_STATUSES, TASK_STATUS_NAMES, type TaskStatus, priorityName } from '#shared/tasks'

/** The mime type a dragged card carries: its task id. */
export const CARD_DRAG_TYPE = 'application/x-atrium-task'

/**
 * A task on the board. Editors drag it to another column, or pick the column from its menu with
 * the keyboard; both call `onMove`.
 */
export function BoardCard({
  task,
  canEdit,
  onMove,
}: {
  task: Data.Task
  canEdit: boolean
  onMove: (task: Data.Task, status: TaskStatus) => void
}) {
  function startDrag(event: DragEvent) {
    event.dataTransfer.setData(CARD_DRAG_TYPE, String(task.id))
    event.dataTransfer.effectAllowed = 'move'
  }

  return (
    <article
      draggable={canEdit}
      onDragStart={canEdit ? startDrag : undefined}
      data-test="board-card"
      data-task-id={task.id}
      className={cn(
        'rounded-md border border-border bg-card p-3 text-sm shadow-sm',
        canEdit && 'cursor-grab active:cursor-grabbing'
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <Link
          href={urlFor('projects.tasks.show', { projectId: task.projectId, id: task.id })}
          className="font-medium hover:underline"
          draggable={false}
        >
          {task.title}
        </Link>
        {canEdit && (
          <select
            aria-label={`Move "${task.title}" to`}
            title="Move to"
            className="h-7 shrink-0 rounded border border-transparent bg-transparent px-1 text-xs text-muted-foreground hover:border-border focus:outline-2 focus:outline-ring"
            value={task.status}
            onChange={(event) => onMove(task, event.target.value as TaskStatus)}
          >
            {TASK_STATUSES.map((value) => (
              <option key={value} value={value}>
                {TASK_STATUS_NAMES[value]}
              </option>
            ))}
          </select>
        )}
      </div>
      <TaskLabels labels={task.labels} className="mt-1 flex" />
      <div className="mt-2 flex items-center justify-between gap-2 text-xs text-muted-foreground">
        <DueDate dueOn={task.dueOn} done={task.status === 'done'} />
        <span className="flex items-center gap-2">
          {task.priority > 0 && <span>{priorityName(task.priority)}</span>}
          {task.assignee && (
            <span
              title={task.assignee.fullName}
              className="grid size-6 place-items-center rounded-full bg-muted text-[10px] font-semibold text-foreground"
            >
              {task.assignee.initials}
            </span>
          )}
        </span>
      </div>
    </article>
  )
}
