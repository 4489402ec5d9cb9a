import User from '#models/user'
import ProjectInvitation from '#models/project_invitation'
import { inviteToProject } from '#services/projects/project_invitations'
import { consumeOrThrow, invitationLimiter } from '#services/accounts/account_throttle'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import MemberTransformer from '#transformers/member_transformer'
import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'
import {
  addMember,
  changeMembership,
  type MembershipRefusal,
} from '#services/projects/project_membership'
import { addMemberValidator, changeRoleValidator } from '#validators/project'
import { ALREADY_MEMBER, takenError } from '#validators/taken'
import { PROJECT_ROLES } from '#shared/projects'

const REFUSALS: Record<MembershipRefusal, string> = {
  not_member: 'That person is not a member of this project.',
  last_owner: 'A project always keeps an owner: make someone else an owner first.',
}

/** Orders members by role, owners first, in the order of {@link PROJECT_ROLES}. */
const ROLE_ORDER = `case project_members.role ${PROJECT_ROLES.map((role, rank) => `when '${role}' then ${rank}`).join(' ')} end`

/** The members of a project: listing them, and (owners) adding, re-roling and removing them. */
export default class MembersController {
  async index({ auth, bouncer, inertia, projectAccess: access }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const members = await access.project
      .related('members')
      .query()
      .orderByRaw(ROLE_ORDER)
      .orderBy('users.full_name')

    const canManage = await bouncer.with(ProjectPolicy).allows('manageMembers', access)
    const invitations = canManage
      ? await ProjectInvitation.query()
          .where('project_id', access.project.id)
          .withScopes((scopes) => scopes.open())
          .orderBy('email')
      : []

    return inertia.render('projects/members', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      members: MemberTransformer.transform(members),
      invitations: invitations.map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISO()!,
      })),
      canManage,
      currentUserId: user.id,
    })
  }

  /**
   * Adds an account by email, with a role. An address without an account gets an invitation by
   * mail instead (a limited number per owner per hour, since each one sends a mail); an open
   * invitation is not sent twice.
   */
  async store({ auth, bouncer, request, response, session, projectAccess: access }: HttpContext) {
    const owner = auth.getUserOrFail()
    await bouncer.with(ProjectPolicy).authorize('manageMembers', access)
    const { email, role } = await request.validateUsing(addMemberValidator)
    const backToMembers = () =>
      response.redirect().toRoute('projects.members.index', { projectId: access.project.id })

    const member = await User.findBy('email', email)
    if (!member) {
      await consumeOrThrow(
        invitationLimiter(),
        `invite:${owner.id}`,
        (wait) => `You sent many invitations in a short time. Try again in ${wait}.`
      )
      const { mailed } = await inviteToProject(access.project, owner, email, role)
      session.flash(
        mailed ? 'success' : 'error',
        mailed
          ? `No account uses ${email} yet: we mailed an invitation to join as ${role}.`
          : `The invitation to ${email} is saved but the mail could not be sent: revoke it and invite again later.`
      )
      return backToMembers()
    }

    const known = await access.project
      .related('members')
      .query()
      .where('users.id', member.id)
      .first()
    if (known) throw takenError(ALREADY_MEMBER)

    // Added meanwhile by a request racing this one: the unique index refuses the second row and
    // the exception handler answers as the check above does.
    await addMember(access.project, member, role)
    session.flash('success', `${member.fullName} joined as ${role}.`)
    return backToMembers()
  }

  /** Changes a member's role; the project keeps at least one owner. */
  async update({
    bouncer,
    params,
    request,
    response,
    session,
    projectAccess: access,
  }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('manageMembers', access)
    const { role } = await request.validateUsing(changeRoleValidator)
    const member = await User.find(params.id)

    const refusal = member ? await changeMembership(access.project, member, role) : 'not_member'
    session.flash(refusal ? 'error' : 'success', refusal ? REFUSALS[refusal] : 'Role changed.')
    return response.redirect().toRoute('projects.members.index', { projectId: access.project.id })
  }

  /** Removes a member (owners), or lets a member leave; the project keeps at least one owner. */
  async destroy({ auth, bouncer, params, response, session, projectAccess: access }: HttpContext) {
    const user = auth.getUserOrFail()
    const leaving = Number(params.id) === user.id
    await bouncer.with(ProjectPolicy).authorize(leaving ? 'leave' : 'manageMembers', access)
    const member = leaving ? user : await User.find(params.id)

    const refusal = member ? await changeMembership(access.project, member, null) : 'not_member'
    if (refusal) {
      session.flash('error', REFUSALS[refusal])
      return response.redirect().toRoute('projects.members.index', { projectId: access.project.id })
    }
    session.flash('success', leaving ? `You left "${access.project.name}".` : 'Member removed.')
    return leaving
      ? response.redirect().toRoute('projects.index')
      : response.redirect().toRoute('projects.members.index', { projectId: access.project.id })
  }
}
