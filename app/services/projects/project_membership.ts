import type User from '#models/user'
import type Project from '#models/project'
import ProjectMember from '#models/project_member'
import { PROJECT_ROLES, type ProjectRole } from '#shared/projects'
import type { OrderKey } from '#api/pagination'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTransaction } from '#activity/recorder'

/** The membership of `user` in `project`, read through `client`; null when there is none. */
function membershipOf(project: Project, user: User, client: TransactionClientContract) {
  return ProjectMember.query({ client }).where({ projectId: project.id, userId: user.id }).first()
}

/** Adds `user` to `project` with `role`; the model records the activity entry. */
export async function addMember(
  project: Project,
  user: User,
  role: ProjectRole,
  trx?: TransactionClientContract
) {
  await inTransaction(trx, async (client) => {
    await ProjectMember.create({ projectId: project.id, userId: user.id, role }, { client })
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
    const membership = await membershipOf(project, user, client)
    if (!membership) return false
    membership.role = role
    await membership.save()
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
    const membership = await membershipOf(project, user, client)
    if (!membership) return false
    await membership.delete()
    return true
  })
}

/** Why a membership change was refused. */
export type MembershipRefusal = 'not_member' | 'last_owner'

/** What the pages and the API say of each refusal. */
export const MEMBERSHIP_REFUSALS: Record<MembershipRefusal, string> = {
  not_member: 'That person is not a member of this project.',
  last_owner: 'A project always keeps an owner: make someone else an owner first.',
}

/**
 * The order of a project's members (queries joining `project_members` and `users`): by role,
 * owners first in the order of {@link PROJECT_ROLES}, then by name. (The rank is cast, so that
 * SQLite compares it with a cursor's text value as a number.)
 */
export const MEMBER_ORDER_KEYS: OrderKey[] = [
  {
    sql: `cast(case project_members.role ${PROJECT_ROLES.map((role, rank) => `when '${role}' then ${rank}`).join(' ')} end as integer)`,
    direction: 'asc',
  },
  { sql: 'users.full_name', direction: 'asc' },
  { sql: 'users.id', direction: 'asc' },
]

/**
 * Changes a member's role or removes the member (role null) without ever leaving the project
 * without an owner. When the project's recorded owner (owner_id) stops being an owner, another
 * owner takes that place. Returns the reason when the change is refused; nothing is written then.
 * `check` sees the membership under its lock before anything is written, and may throw to refuse
 * (the API's If-Match).
 */
export async function changeMembership(
  project: Project,
  member: User,
  role: ProjectRole | null,
  check?: (current: ProjectMember) => void | Promise<void>
): Promise<MembershipRefusal | null> {
  return inTransaction(undefined, async (trx) => {
    const memberships = await ProjectMember.query({ client: trx })
      .where('projectId', project.id)
      .forUpdate()
    const current = memberships.find((membership) => membership.userId === member.id)
    if (!current) return 'not_member'
    await check?.(current)

    const otherOwners = memberships.filter(
      (membership) => membership.role === 'owner' && membership.userId !== member.id
    )
    if (current.role === 'owner' && role !== 'owner' && otherOwners.length === 0) {
      return 'last_owner'
    }

    if (role === null) {
      await current.delete()
    } else {
      current.role = role
      await current.save()
    }

    if (project.ownerId === member.id && role !== 'owner') {
      project.useTransaction(trx)
      project.ownerId = otherOwners[0].userId
      await project.save()
    }
    return null
  })
}
