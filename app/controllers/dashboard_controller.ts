import { DateTime } from 'luxon'
import Project from '#models/project'
import type { HttpContext } from '@adonisjs/core/http'
import { memberProjects, taskCountsByProject } from '#services/projects/projects'
import { recentActivityIn } from '#activity/activity_history'
import { taskCardsQuery, toTaskCards } from '#services/projects/task_cards'
import TaskTransformer from '#transformers/task_transformer'
import ProjectTransformer from '#transformers/project_transformer'

/** Days ahead that count as "due soon". */
const DUE_SOON_DAYS = 7

/**
 * The logged-in user's overview: their projects with task counts, their open tasks that are
 * overdue or due within a week, and the latest activity in their projects. A fixed number of
 * queries whatever the amount of data.
 */
export default class DashboardController {
  async show({ auth, inertia }: HttpContext) {
    const user = auth.getUserOrFail()
    const readAt = Date.now()

    const projects = await memberProjects(Project.query(), user.id)
      .whereNull('projects.archived_at')
      .orderBy('projects.name')
    const projectIds = projects.map((project) => project.id)
    const counts = await taskCountsByProject(projectIds)
    for (const project of projects) project.$extras.task_counts = counts.get(project.id)

    // "Soon" is reckoned from today where the user lives, not where the server runs.
    const dueLimit = DateTime.now()
      .setZone(user.timeZone)
      .plus({ days: DUE_SOON_DAYS })
      .toISODate()!
    const dueTasks = await toTaskCards(
      await taskCardsQuery()
        .where('tasks.assignee_id', user.id)
        .whereIn('tasks.project_id', projectIds.length > 0 ? projectIds : [0])
        .whereNot('tasks.status', 'done')
        .whereNotNull('tasks.due_on')
        .where('tasks.due_on', '<=', dueLimit)
        .orderBy('tasks.due_on', 'asc')
        .orderBy('tasks.id', 'asc')
        .limit(20)
    )

    const activity = await recentActivityIn(projectIds)

    return inertia.render('dashboard', {
      projects: ProjectTransformer.transform(projects),
      dueTasks: TaskTransformer.transform(dueTasks),
      activity,
      // When the overview was read: the live stream catches up on changes made since.
      readAt,
    })
  }
}
