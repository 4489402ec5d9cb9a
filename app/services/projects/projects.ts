import { DateTime } from 'luxon'
import type User from '#models/user'
import Project from '#models/project'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { ChainableContract } from '@adonisjs/lucid/types/querybuilder'
import type { OrderKey } from '#api/pagination'
import { addMember } from '#services/projects/project_membership'
import { type TaskCounts, noTaskCounts } from '#shared/tasks'

/** Creates a project owned by `owner`, who becomes its first member (role owner). */
export async function createProject(
  owner: User,
  values: { name: string; description?: string }
): Promise<Project> {
  return db.transaction(async (trx) => {
    const project = await Project.create(
      { ownerId: owner.id, name: values.name, description: values.description ?? '' },
      { client: trx }
    )
    await addMember(project, owner, 'owner', trx)
    return project
  })
}

/** Task counts per status of each project, in one query (through `client`, in a transaction). */
export async function taskCountsByProject(
  projectIds: number[],
  client: QueryClientContract = db.connection()
) {
  const counts = new Map<number, TaskCounts>()
  for (const id of projectIds) counts.set(id, noTaskCounts())
  if (projectIds.length === 0) return counts

  const rows = await client
    .from('tasks')
    .whereIn('project_id', projectIds)
    .groupBy('project_id', 'status')
    .select('project_id', 'status')
    .count('* as total')
  for (const row of rows) {
    const entry = counts.get(Number(row.project_id))
    if (entry) entry[row.status as keyof typeof entry] = Number(row.total)
  }
  return counts
}

/**
 * Narrows a query of projects to those `userId` is a member of, selecting each one's columns and
 * the user's role as `viewer_role` (the projects page, the dashboard, the API's list).
 */
export function memberProjects<Query extends ChainableContract>(query: Query, userId: number) {
  return query
    .join('project_members', 'project_members.project_id', 'projects.id')
    .where('project_members.user_id', userId)
    .select('projects.*', 'project_members.role as viewer_role')
}

/**
 * The order of the projects list: active projects first, then the newest first. (A computed key
 * is cast, so that SQLite compares it with a cursor's text value as a number.)
 */
export const PROJECT_ORDER_KEYS: OrderKey[] = [
  {
    sql: 'cast(case when projects.archived_at is null then 0 else 1 end as integer)',
    direction: 'asc',
  },
  { sql: 'projects.id', direction: 'desc' },
]

/** What an owner may change of a project: its name, description, and whether it is archived. */
export type ProjectChanges = { name?: string; description?: string; archived?: boolean }

/**
 * Applies `changes` to `project` (saved through its transaction when it has one): archiving makes
 * it read-only from now on, unarchiving makes it writable again. Returns the project.
 */
export async function changeProject(project: Project, changes: ProjectChanges) {
  if (changes.name !== undefined) project.name = changes.name
  if (changes.description !== undefined) project.description = changes.description
  if (changes.archived !== undefined && changes.archived !== (project.archivedAt !== null)) {
    project.archivedAt = changes.archived ? DateTime.now() : null
  }
  await project.save()
  return project
}
