import type User from '#models/user'
import type Project from '#models/project'
import type { ProjectRole } from '#models/project'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTransaction, recordActivity } from '#activity/recorder'

/*
 * Membership rows have a composite key (project, user), which Lucid models do not support; these
 * functions write them and their activity entries together, in one transaction.
 */

function memberSubject(projectId: number, userId: number) {
  return `${projectId}:${userId}`
}

/** Adds `user` to `project` with `role`. */
export async function addMember(
  project: Project,
  user: User,
  role: ProjectRole,
  trx?: TransactionClientContract
) {
  await inTransaction(trx, async (client) => {
    await client.table('project_members').insert({ project_id: project.id, user_id: user.id, role })
    await recordActivity(client, {
      subjectType: 'project_member',
      subjectId: memberSubject(project.id, user.id),
      projectId: project.id,
      action: 'created',
      changes: { user_id: [null, user.id], role: [null, role] },
    })
  })
}

/** Changes the role of a member; returns false when `user` is not a member. */
export async function changeMemberRole(
  project: Project,
  user: User,
  role: ProjectRole,
  trx?: TransactionClientContract
): Promise<boolean> {
  return inTransaction(trx, async (client) => {
    const row = await client
      .from('project_members')
      .where({ project_id: project.id, user_id: user.id })
      .first()
    if (!row) return false
    if (row.role === role) return true

    await client
      .from('project_members')
      .where({ project_id: project.id, user_id: user.id })
      .update({ role })
    await recordActivity(client, {
      subjectType: 'project_member',
      subjectId: memberSubject(project.id, user.id),
      projectId: project.id,
      action: 'updated',
      changes: { role: [row.role, role] },
    })
    return true
  })
}

/** Removes a member; returns false when `user` was not one. */
export async function removeMember(
  project: Project,
  user: User,
  trx?: TransactionClientContract
): Promise<boolean> {
  return inTransaction(trx, async (client) => {
    const row = await client
      .from('project_members')
      .where({ project_id: project.id, user_id: user.id })
      .first()
    if (!row) return false

    await client
      .from('project_members')
      .where({ project_id: project.id, user_id: user.id })
      .delete()
    await recordActivity(client, {
      subjectType: 'project_member',
      subjectId: memberSubject(project.id, user.id),
      projectId: project.id,
      action: 'deleted',
      changes: { user_id: [user.id, null], role: [row.role, null] },
    })
    return true
  })
}
