import { useCallback, useEffect, useRef, useState } from 'react'
import { Link } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { ProjectHeader } from '~/components/project_header'
import type { TaskComment } from '~/components/task_comments'
import { TaskCommentsSection } from '~/components/task_comments_section'
import { TaskEditForm } from '~/components/task_edit_form'
import type { TaskValues } from '~/lib/task_values'
import { TaskHistory } from '~/components/task_history'
import { TaskReadView } from '~/components/task_read_view'
import { useKeyShortcut } from '~/hooks/use_key_shortcut'

/** A value the activity record keeps for one field. */
type RecordedValue = string | number | boolean | null | number[]

type TaskProps = {
  project: Data.Project
  task: TaskValues & {
    id: number
    version: number
    assignee: { id: number; fullName: string } | null
  }
  conflict: (TaskValues & { version: number }) | null
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
  history: {
    id: number
    action: 'created' | 'updated' | 'deleted'
    actor: string | null
    at: string
    changes: Record<string, [RecordedValue, RecordedValue]>
  }[]
  comments: TaskComment[]
  commentsTotal: number
  canEdit: boolean
}

export default function TaskPage({
  project,
  task,
  conflict,
  members,
  labels,
  history,
  comments,
  commentsTotal,
  canEdit,
}: TaskProps) {
  const [editing, setEditing] = useState(canEdit && conflict !== null)
  const editButton = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)
  const startEditing = useCallback(() => setEditing(true), [])

  function stopEditing() {
    returnFocus.current = true
    setEditing(false)
  }

  useEffect(() => {
    if (editing || !returnFocus.current) return
    returnFocus.current = false
    editButton.current?.focus()
  }, [editing])

  useKeyShortcut('e', startEditing, canEdit && !editing)

  return (
    <>
      <ProjectHeader
        project={project}
        section="tasks"
        canManage={project.role === 'owner'}
        recordTitle={task.title}
      />
      <p className="mt-4 text-sm">
        <Link
          href={urlFor('projects.tasks.index', { projectId: project.id })}
          className="text-primary hover:underline"
        >
          ← All tasks
        </Link>
      </p>

      <div className="mt-3 flex items-start justify-between gap-4">
        <h1
          className="min-w-0 text-2xl font-semibold tracking-tight break-words sm:text-3xl"
          data-test="task-title"
        >
          {task.title}
        </h1>
        {canEdit && !editing && (
          <Button
            ref={editButton}
            variant="secondary"
            onClick={startEditing}
            aria-label="Edit task"
            aria-keyshortcuts="e"
            title="Edit (E)"
            className="shrink-0"
            data-test="edit-task"
          >
            Edit
          </Button>
        )}
      </div>

      <div className="mt-4">
        {editing ? (
          <TaskEditForm
            projectId={project.id}
            task={task}
            conflict={conflict}
            members={members}
            labels={labels}
            onSaved={stopEditing}
            onCancel={stopEditing}
          />
        ) : (
          <TaskReadView task={task} labels={labels} />
        )}
      </div>

      <div className="mt-10 grid gap-8 lg:grid-cols-[2fr_1fr]">
        <TaskCommentsSection
          projectId={project.id}
          taskId={task.id}
          comments={comments}
          commentsTotal={commentsTotal}
          canComment={canEdit}
        />
        <section aria-labelledby="history-title">
          <h2 id="history-title" className="text-lg font-semibold">
            History
          </h2>
          <div className="mt-3">
            <TaskHistory entries={history} members={members} labels={labels} />
          </div>
        </section>
      </div>
    </>
  )
}
