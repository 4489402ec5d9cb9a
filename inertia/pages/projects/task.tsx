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
import { useLive } from '~/hooks/use_live'
import { reloadLive } from '~/lib/live_reload'
import { LiveViewers } from '~/components/live_viewers'
import { LiveIndicator } from '~/components/live_indicator'
import { TaskChangedNotice, type ChangeByOthers } from '~/components/task_changed_notice'
import { type LiveChange, taskChannel } from '#shared/live'

/**
 * What a change by someone else reloads on the task page: everything it shows but the conflict
 * screen, which stays as the save that hit it left it.
 */
const TASK_PROPS = [
  'task',
  'members',
  'labels',
  'history',
  'comments',
  'commentsTotal',
  'canEdit',
  'readAt',
]

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
  readAt: number
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
  readAt,
}: TaskProps) {
  const [editing, setEditing] = useState(canEdit && conflict !== null)
  // While the viewer edits, their form keeps its values and the version it started from, so a
  // save after someone else's goes through the conflict screen; the page says what changed.
  const [changedByOthers, setChangedByOthers] = useState<ChangeByOthers[]>([])
  const editButton = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)
  const startEditing = useCallback(() => {
    setChangedByOthers([])
    setEditing(true)
  }, [])

  function stopEditing() {
    returnFocus.current = true
    setEditing(false)
    setChangedByOthers([])
  }

  useEffect(() => {
    if (editing || !returnFocus.current) return
    returnFocus.current = false
    editButton.current?.focus()
  }, [editing])

  useKeyShortcut('e', startEditing, canEdit && !editing)

  const channel = taskChannel(project.id, task.id)
  const live = useLive({
    channels: [channel],
    presence: channel,
    since: readAt,
    onChanges: (changes: LiveChange[]) => {
      if (changes.some((change) => change.subject === 'task' && change.action === 'deleted')) {
        reloadLive()
        return
      }
      const edits = changes.filter((change) => change.subject === 'task' && change.fields.length)
      if (edits.length > 0) {
        setChangedByOthers((shown) => [...shown, ...edits.map((change) => describe(change))])
      }
      reloadLive(TASK_PROPS)
    },
    onReconnect: () => reloadLive(TASK_PROPS),
  })

  function describe(change: LiveChange): ChangeByOthers {
    const author =
      members.find((member) => member.id === change.actorId)?.fullName ??
      live.viewers.find((viewer) => viewer.id === change.actorId)?.name ??
      null
    return { author, fields: change.fields, version: change.version }
  }

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

      <div className="mt-3 flex min-h-7 items-center justify-end gap-3">
        <LiveIndicator status={live.status} />
        <LiveViewers viewers={live.viewers} total={live.total} />
      </div>

      {editing && changedByOthers.length > 0 && <TaskChangedNotice changes={changedByOthers} />}

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
