import env from '#start/env'
import { DateTime } from 'luxon'
import type User from '#models/user'
import type Project from '#models/project'
import type { ProjectRole } from '#shared/projects'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { queueMail } from '#mails/queue_mail'
import ProjectInvitation from '#models/project_invitation'
import { addMember } from '#services/projects/project_membership'
import { randomSecret, sha256 } from '#services/accounts/hashing'
import { isUniqueViolation } from '#services/records/unique_violation'
import { ALREADY_INVITED, takenError } from '#validators/taken'
import ProjectInvitationNotification from '#mails/project_invitation_notification'

/** How long an invitation link works. */
export const INVITATION_DAYS = 7

/** Why an invitation cannot be accepted by this user. */
export type AcceptRefusal = 'other_email' | 'archived'

/**
 * Invites an address without an account to `project` with `role`, and mails the link once the
 * invitation is committed. An open invitation of the address to the same role is refused with
 * {@link ALREADY_INVITED}: another mail would kill the link already sent (revoking it first sends
 * a new one). Another role, or an expired invitation, is replaced: a new link, and the old one
 * stops working. Of requests racing on one address, one writes and mails; the others meet its row
 * (or the unique index) and get the same refusal. The mail is queued in the invitation's
 * transaction: it goes out exactly when the invitation is committed.
 */
export async function inviteToProject(
  project: Project,
  inviter: User,
  email: string,
  role: ProjectRole
): Promise<{ invitation: ProjectInvitation }> {
  const token = randomSecret()
  const url = new URL(`/invitations/${token}`, env.get('APP_URL')).href
  const invitation = await db.transaction(async (trx) => {
    // One locking read: what it does not see yet, the unique index refuses.
    const existing = await ProjectInvitation.query({ client: trx })
      .where({ project_id: project.id, email })
      .forUpdate()
      .first()
    if (existing?.role === role && (await isOpen(existing, trx))) throw takenError(ALREADY_INVITED)
    const row = existing ?? new ProjectInvitation()
    row.useTransaction(trx)
    row.merge({
      projectId: project.id,
      email,
      role,
      tokenHash: sha256(token),
      invitedById: inviter.id,
      expiresAt: DateTime.now().plus({ days: INVITATION_DAYS }),
    })
    await row.save()
    await queueMail(
      ProjectInvitationNotification,
      [
        { email },
        url,
        {
          projectName: project.name,
          inviterName: inviter.fullName,
          role,
          days: INVITATION_DAYS,
        },
      ],
      { client: trx }
    )
    return row
  })
  return { invitation }
}

/** Whether `invitation`'s link still works, by the model's one definition of open. */
async function isOpen(invitation: ProjectInvitation, trx: TransactionClientContract) {
  const open = await ProjectInvitation.query({ client: trx })
    .where('id', invitation.id)
    .withScopes((scopes) => scopes.open())
    .first()
  return open !== null
}

/** The open invitation a link's token stands for, with its project and inviter; null otherwise. */
export async function findInvitation(token: string): Promise<ProjectInvitation | null> {
  if (typeof token !== 'string' || token.length > 100) return null
  const invitation = await ProjectInvitation.query()
    .where('token_hash', sha256(token))
    .withScopes((scopes) => scopes.open())
    .preload('project')
    .preload('invitedBy')
    .first()
  return invitation ?? null
}

/** Whether `user` may accept `invitation`: it must be addressed to their email. */
export function acceptRefusal(invitation: ProjectInvitation, user: User): AcceptRefusal | null {
  if (invitation.email !== user.email.toLowerCase()) return 'other_email'
  if (invitation.project.archivedAt !== null) return 'archived'
  return null
}

/**
 * Makes `user` a member with the invited role (unless they already are one) and closes the
 * invitation, in one transaction. The link reached their mailbox, so their address counts as
 * verified from now on. Accepting twice at once (a double click) joins once.
 */
export async function acceptInvitation(invitation: ProjectInvitation, user: User) {
  try {
    await joinByInvitation(invitation, user)
  } catch (error) {
    // Accepted twice at once: the other request made the membership; this one changed nothing.
    if (!isUniqueViolation(error)) throw error
  }
}

async function joinByInvitation(invitation: ProjectInvitation, user: User) {
  await db.transaction(async (trx) => {
    const member = await trx
      .from('project_members')
      .where({ project_id: invitation.projectId, user_id: user.id })
      .first()
    if (!member) await addMember(invitation.project, user, invitation.role, trx)
    invitation.useTransaction(trx)
    await invitation.delete()
    if (user.emailVerifiedAt === null) {
      user.useTransaction(trx)
      user.emailVerifiedAt = DateTime.now()
      await user.save()
    }
  })
}
