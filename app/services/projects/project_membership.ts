import type User from '#models/user'
import type Project from '#models/project'
import type { ProjectRole } from '#shared/projects'
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

/** Why a membership change was refused. */
export type MembershipRefusal = 'not_member' | 'last_owner'

/**
 * Changes a member's role or removes the member (role null) without ever leaving the project
 * without an owner. When the project's recorded owner (owner_id) stops being an owner, another
 * owner takes that place. Returns the reason when the change is refused; nothing is written then.
 */
export async function changeMembership(
  project: Project,
  member: User,
  role: ProjectRole | null
): Promise<MembershipRefusal | null> {
  return inTransaction(undefined, async (trx) => {
    const rows = await trx.from('project_members').where('project_id', project.id).forUpdate()
    const current = rows.find((row) => Number(row.user_id) === member.id)
    if (!current) return 'not_member'

    const otherOwners = rows.filter(
      (row) => row.role === 'owner' && Number(row.user_id) !== member.id
    )
    if (current.role === 'owner' && role !== 'owner' && otherOwners.length === 0) {
      return 'last_owner'
    }

    if (role === null) await removeMember(project, member, trx)
    else await changeMemberRole(project, member, role, trx)

    if (project.ownerId === member.id && role !== 'owner') {
      project.useTransaction(trx)
      project.ownerId = Number(otherOwners[0].user_id)
      await project.save()
    }
    return null
  })
}
