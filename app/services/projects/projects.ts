import type User from '#models/user'
import Project from '#models/project'
import db from '@adonisjs/lucid/services/db'
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

/** Task counts per status of each project, in one query. */
export async function taskCountsByProject(projectIds: number[]) {
  const counts = new Map<number, TaskCounts>()
  for (const id of projectIds) counts.set(id, noTaskCounts())
  if (projectIds.length === 0) return counts

  const rows = await db
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
