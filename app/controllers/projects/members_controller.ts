import User from '#models/user'
import ProjectInvitation from '#models/project_invitation'
import { applyOrder } from '#api/pagination'
import { addMemberByEmail } from '#services/projects/member_adding'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import MemberTransformer from '#transformers/member_transformer'
import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'
import {
  changeMembership,
  MEMBER_ORDER_KEYS,
  MEMBERSHIP_REFUSALS as REFUSALS,
} from '#services/projects/project_membership'
import { addMemberValidator, changeRoleValidator } from '#validators/project'

/** The members of a project: listing them, and (owners) adding, re-roling and removing them. */
export default class MembersController {
  async index({ auth, bouncer, inertia, projectAccess: access }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const members = await applyOrder(access.project.related('members').query(), MEMBER_ORDER_KEYS)

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

  /** Adds an account by email, with a role, or invites an address without one (see the service). */
  async store({ auth, bouncer, request, response, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('manageMembers', access)
    const { email, role } = await request.validateUsing(addMemberValidator)

    const result = await addMemberByEmail(access.project, auth.getUserOrFail(), email, role)
    if ('added' in result) {
      session.flash('success', `${result.added.fullName} joined as ${role}.`)
    } else {
      session.flash(
        'success',
        `No account uses ${email} yet: we mailed an invitation to join as ${role}.`
      )
    }
    return response.redirect().toRoute('projects.members.index', { projectId: access.project.id })
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
