import db from '@adonisjs/lucid/services/db'
import { taskCountsByProject } from '#services/projects/projects'
import { taskCardsQuery, toTaskCards } from '#services/projects/task_cards'

/** Cards shown per board column; the list page has the rest. */
export const BOARD_COLUMN_LIMIT = 50

/**
 * A project's board: in each status column the first {@link BOARD_COLUMN_LIMIT} tasks (highest
 * priority, then latest change first), with assignees and labels, and the full count per status.
 * Three queries whatever the number of tasks: the ranked cards, their labels and the counts.
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

  const [rows, counts] = await Promise.all([
    taskCardsQuery()
      .whereIn('tasks.id', db.from(ranked).where('position', '<=', BOARD_COLUMN_LIMIT).select('id'))
      .orderBy('tasks.priority', 'desc')
      .orderBy('tasks.updated_at', 'desc')
      .orderBy('tasks.id', 'desc'),
    taskCountsByProject([projectId]),
  ])
  return { tasks: await toTaskCards(rows), counts: counts.get(projectId)! }
}
