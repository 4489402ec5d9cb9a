import { TASK_STATUS_NAMES } from '#shared/tasks'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import TaskTransformer from '#transformers/task_transformer'
import { findProjectTask } from '#services/projects/project_access'
import { BOARD_COLUMN_LIMIT, loadBoard } from '#services/projects/task_board'
import { moveTask } from '#services/projects/task_update'
import { moveTaskValidator } from '#validators/task'
import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'

/** A project's board: a column per status, and moving a card from one column to another. */
export default class BoardController {
  async show({ bouncer, inertia, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const readAt = Date.now()
    const board = await loadBoard(access.project.id)

    return inertia.render('projects/board', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      tasks: TaskTransformer.transform(board.tasks),
      counts: board.counts,
      columnLimit: BOARD_COLUMN_LIMIT,
      canEdit: await bouncer.with(ProjectPolicy).allows('editContent', access),
      // When the board was read: the live stream catches up on changes made since.
      readAt,
    })
  }

  /**
   * Moves a card. Refused, with a message and nothing changed, when the task left the column the
   * board showed it in (someone moved it first); the board then shows where it is now.
   */
  async update({
    bouncer,
    params,
    request,
    response,
    session,
    projectAccess: access,
  }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const task = await findProjectTask(access, params.id)
    const { status, from } = await request.validateUsing(moveTaskValidator)

    const result = await moveTask(task.id, from, status)
    if (!result.moved) {
      session.flash(
        'error',
        `"${result.task.title}" was moved to ${TASK_STATUS_NAMES[result.task.status]} by someone else. The board shows where it is now.`
      )
    }
    return response.redirect().toRoute('projects.board.show', { projectId: access.project.id })
  }
}
