import type User from '#models/user'
import Task from '#models/task'
import Label from '#models/label'
import Comment from '#models/comment'
import Project from '#models/project'
import type { ProjectRole } from '#shared/projects'
import { Exception } from '@adonisjs/core/exceptions'
import db from '@adonisjs/lucid/services/db'

/** A project as one user sees it: the record and that user's role in it (null: not a member). */
export type ProjectAccess = { project: Project; role: ProjectRole | null }

/** A project that does not exist, or that the user may not know exists: both answer 404. */
export class ProjectNotFoundException extends Exception {
  static status = 404
  static code = 'E_PROJECT_NOT_FOUND'
}

/**
 * Loads a project with the user's role in one query. A project the user is not a member of is
 * reported exactly like a missing one (404), so its existence never leaks; superusers see all.
 */
export async function loadProjectAccess(user: User, projectId: unknown): Promise<ProjectAccess> {
  const id = Number(projectId)
  if (!Number.isSafeInteger(id) || id <= 0) throw new ProjectNotFoundException('Project not found')

  const project = await Project.query()
    .where('projects.id', id)
    .select('projects.*')
    .select(
      db
        .from('project_members')
        .whereColumn('project_members.project_id', 'projects.id')
        .where('project_members.user_id', user.id)
        .select('role')
        .as('viewer_role')
    )
    .first()

  const role = (project?.$extras.viewer_role ?? null) as ProjectRole | null
  if (!project || (role === null && !user.isSuperuser)) {
    throw new ProjectNotFoundException('Project not found')
  }
  return { project, role }
}

/**
 * A task of the project `access` opened, with its labels when asked, and its assignee's name
 * when asked (joined: `$extras.assignee_name`, null when unassigned); any other id (missing, or
 * a task of another project) is reported as not found, like a project the user cannot see.
 */
export async function findProjectTask(
  access: ProjectAccess,
  taskId: unknown,
  options: { withLabels?: boolean; withAssigneeName?: boolean } = {}
): Promise<Task> {
  const task = await Task.query()
    .where('tasks.project_id', access.project.id)
    .where('tasks.id', Number(taskId) || 0)
    .if(options.withLabels, (query) => query.preload('labels'))
    .if(options.withAssigneeName, (query) =>
      query
        .leftJoin('users', 'users.id', 'tasks.assignee_id')
        .select('tasks.*', 'users.full_name as assignee_name')
    )
    .first()
  if (!task) throw new ProjectNotFoundException('Task not found')
  return task
}

/** A label of the project `access` opened; any other id is reported as not found. */
export async function findProjectLabel(access: ProjectAccess, labelId: unknown): Promise<Label> {
  const label = await Label.query()
    .where('project_id', access.project.id)
    .where('id', Number(labelId) || 0)
    .first()
  if (!label) throw new ProjectNotFoundException('Label not found')
  return label
}

/**
 * A comment on a task of the project `access` opened; any other id (another task's comment, a
 * task of another project) is reported as not found.
 */
export async function findTaskComment(
  access: ProjectAccess,
  taskId: unknown,
  commentId: unknown
): Promise<Comment> {
  const task = await findProjectTask(access, taskId)
  const comment = await Comment.query()
    .where('task_id', task.id)
    .where('id', Number(commentId) || 0)
    .first()
  if (!comment) throw new ProjectNotFoundException('Comment not found')
  return comment
}
