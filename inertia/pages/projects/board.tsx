import { useRef, useState } from 'react'
import { router } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { ProjectHeader } from '~/components/project_header'
import { BoardCard } from '~/components/board_card'
import { BoardColumn } from '~/components/board_column'
import { LiveViewers } from '~/components/live_viewers'
import { LiveIndicator } from '~/components/live_indicator'
import { useLive } from '~/hooks/use_live'
import { useReloadAfterDrag } from '~/hooks/use_reload_after_drag'
import { projectChannel } from '#shared/live'
import { TASK_STATUSES, TASK_STATUS_NAMES, type TaskStatus } from '#shared/tasks'

/** What a change elsewhere in the project reloads on the board. */
const BOARD_PROPS = ['tasks', 'counts', 'canEdit', 'readAt']

type BoardProps = {
  project: Data.Project
  tasks: Data.Task[]
  counts: Record<TaskStatus, number>
  columnLimit: number
  canEdit: boolean
  readAt: number
}

/**
 * A project's board: a column per status. Moving a card shows at once; when the server refuses
 * (someone moved it first, rights changed, network down) the card goes back and a message says why.
 * Cards others create, move, edit or delete show up live; a reload waits for a drag to end.
 */
export default function Board({
  project,
  tasks,
  counts,
  columnLimit,
  canEdit,
  readAt,
}: BoardProps) {
  const [problem, setProblem] = useState<string | null>(null)
  const listUrl = urlFor('projects.tasks.index', { projectId: project.id })
  const board = useRef<HTMLDivElement>(null)
  const reloadCards = useReloadAfterDrag(board, BOARD_PROPS)
  const channel = projectChannel(project.id)
  const live = useLive({
    channels: [channel],
    presence: channel,
    since: readAt,
    onChanges: (changes) => {
      if (changes.some((change) => change.subject === 'task' || change.subject === 'project')) {
        reloadCards()
      }
    },
    onReconnect: reloadCards,
  })

  function move(task: Data.Task, status: TaskStatus) {
    if (task.status === status) return
    setProblem(null)
    router
      .optimistic<BoardProps>((props) => ({
        tasks: props.tasks.map((each) => (each.id === task.id ? { ...each, status } : each)),
        counts: {
          ...props.counts,
          [task.status]: props.counts[task.status as TaskStatus] - 1,
          [status]: props.counts[status] + 1,
        },
      }))
      .patch(
        urlFor('projects.board.update', { projectId: project.id, id: task.id }),
        { status, from: task.status },
        {
          preserveScroll: true,
          onError: (errors) => setProblem(Object.values(errors)[0] ?? 'The move was refused.'),
          onNetworkError: () => {
            setProblem('The server could not be reached, so the card went back. Try again.')
            return false
          },
        }
      )
  }

  function dropOn(status: TaskStatus) {
    return (taskId: number) => {
      const task = tasks.find((each) => each.id === taskId)
      if (task) move(task, status)
    }
  }

  return (
    <>
      <ProjectHeader project={project} section="board" canManage={project.role === 'owner'} />
      <div className="mt-3 flex min-h-7 items-center justify-end gap-3">
        <LiveIndicator status={live.status} />
        <LiveViewers viewers={live.viewers} total={live.total} />
      </div>
      {problem && (
        <p role="alert" className="mt-4 text-sm text-danger" data-test="board-problem">
          {problem}
        </p>
      )}
      <div ref={board} className="mt-4 grid gap-4 md:grid-cols-3" data-test="board">
        {TASK_STATUSES.map((status) => {
          const cards = tasks.filter((task) => task.status === status)
          return (
            <BoardColumn
              key={status}
              status={status}
              title={TASK_STATUS_NAMES[status]}
              total={counts[status]}
              shown={Math.min(cards.length, columnLimit)}
              listUrl={`${listUrl}?status=${status}`}
              onDropTask={canEdit ? dropOn(status) : undefined}
            >
              {cards.map((task) => (
                <BoardCard key={task.id} task={task} canEdit={canEdit} onMove={move} />
              ))}
              {cards.length === 0 && <p className="text-sm text-muted-foreground">No task here.</p>}
            </BoardColumn>
          )
        })}
      </div>
    </>
  )
}
