import User from '#models/user'
import type Project from '#models/project'
import type ProjectInvitation from '#models/project_invitation'
import type { ProjectRole } from '#shared/projects'
import { addMember } from '#services/projects/project_membership'
import { inviteToProject } from '#services/projects/project_invitations'
import { consumeOrThrow, invitationLimiter } from '#services/accounts/account_throttle'
import { ALREADY_MEMBER, takenError } from '#validators/taken'

/** What adding someone by email did: added an account, or invited an address without one. */
export type MemberAdding = { added: User } | { invitation: ProjectInvitation }

/**
 * Adds the account of `email` to `project` with `role`, on behalf of `owner`. An address without
 * an account gets an invitation by mail instead (a limited number per owner per hour, since each
 * one sends a mail: 429 beyond); an open invitation is not sent twice. A member already in the
 * project is refused with {@link ALREADY_MEMBER} (a validation error on `email`).
 */
export async function addMemberByEmail(
  project: Project,
  owner: User,
  email: string,
  role: ProjectRole
): Promise<MemberAdding> {
  const member = await User.findBy('email', email)
  if (!member) {
    await consumeOrThrow(
      invitationLimiter(),
      `invite:${owner.id}`,
      (wait) => `You sent many invitations in a short time. Try again in ${wait}.`
    )
    return inviteToProject(project, owner, email, role)
  }

  const known = await project.related('members').query().where('users.id', member.id).first()
  if (known) throw takenError(ALREADY_MEMBER)

  // Added meanwhile by a request racing this one: the unique index refuses the second row and
  // the exception handler answers as the check above does.
  await addMember(project, member, role)
  return { added: member }
}
