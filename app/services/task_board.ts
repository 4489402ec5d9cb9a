import Task from '#models/task'
import db from '@adonisjs/lucid/services/db'
import { taskCountsByProject } from '#services/projects'

/** Cards shown per board column; the list page has the rest. */
export const BOARD_COLUMN_LIMIT = 50

/**
 * A project's board: in each status column the first {@link BOARD_COLUMN_LIMIT} tasks (highest
 * priority, then latest change first), with assignees and labels, and the full count per status.
 * Four queries whatever the number of tasks: the ranked cards, assignees, labels and counts.
 */
export async function loadBoard(projectId: number) {
  const ranked = db
    .from('tasks')
    .where('project_id', projectId)
    .select('id')
    .select(
      db.raw(
        'row_number() over (partition by status order by priority desc, updated_at desc, id desc) as position'
      )
    )
    .as('ranked')

  const [tasks, counts] = await Promise.all([
    Task.query()
      .whereIn('id', db.from(ranked).where('position', '<=', BOARD_COLUMN_LIMIT).select('id'))
      .orderBy('priority', 'desc')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .preload('assignee')
      .preload('labels'),
    taskCountsByProject([projectId]),
  ])
  return { tasks, counts: counts.get(projectId)! }
}
