import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** What a project's task forms and filters offer to choose from: its members and its labels. */
export type ProjectOptions = {
  members: { id: number; fullName: string }[]
  labels: { id: number; name: string; color: string }[]
}

const keyOf = (projectId: number) => `project:${projectId}:options`

/**
 * The members (by name) and labels (by name) of a project, from the cache when it has them.
 * Every write that changes them drops the entry (see `forgetsProjectOptions`), so the next
 * request reads them again.
 */
export function projectOptions(projectId: number): Promise<ProjectOptions> {
  return cache.getOrSet({ key: keyOf(projectId), factory: () => loadProjectOptions(projectId) })
}

async function loadProjectOptions(projectId: number): Promise<ProjectOptions> {
  const [members, labels] = await Promise.all([
    db
      .from('users')
      .join('project_members', 'project_members.user_id', 'users.id')
      .where('project_members.project_id', projectId)
      .orderBy('users.full_name')
      .orderBy('users.id')
      .select('users.id', 'users.full_name'),
    db
      .from('labels')
      .where('project_id', projectId)
      .orderBy('name')
      .orderBy('id')
      .select('id', 'name', 'color'),
  ])
  return {
    members: members.map((row) => ({ id: Number(row.id), fullName: row.full_name })),
    labels: labels.map((row) => ({ id: Number(row.id), name: row.name, color: row.color })),
  }
}

/**
 * Drops the cached options of `projectIds` at once and, when the change is written in a
 * transaction `trx`, again once it commits (a read in between would cache the old rows again).
 * A cache that cannot be reached is logged, never fails the write; the entry then expires with
 * its TTL.
 */
export async function forgetProjectOptions(
  projectIds: number[],
  trx?: TransactionClientContract | null
) {
  if (projectIds.length === 0) return
  const forget = async () => {
    try {
      await cache.deleteMany({ keys: projectIds.map(keyOf) })
    } catch (error) {
      logger.error({ err: error, projectIds }, 'could not drop cached project options')
    }
  }
  await forget()
  trx?.after('commit', forget)
}
