import User from '#models/user'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import MemberTransformer from '#transformers/member_transformer'
import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'
import { loadProjectAccess } from '#services/project_access'
import { addMember, changeMembership, type MembershipRefusal } from '#services/project_membership'
import { addMemberValidator, changeRoleValidator } from '#validators/project'

const REFUSALS: Record<MembershipRefusal, string> = {
  not_member: 'That person is not a member of this project.',
  last_owner: 'A project always keeps an owner: make someone else an owner first.',
}

/** The members of a project: listing them, and (owners) adding, re-roling and removing them. */
export default class MembersController {
  async index({ auth, bouncer, inertia, params }: HttpContext) {
    const user = auth.getUserOrFail()
    const access = await loadProjectAccess(user, params.projectId)
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const members = await access.project
      .related('members')
      .query()
      .orderByRaw("case project_members.role when 'owner' then 0 when 'editor' then 1 else 2 end")
      .orderBy('users.full_name')

    return inertia.render('projects/members', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      members: MemberTransformer.transform(members),
      canManage: await bouncer.with(ProjectPolicy).allows('manageMembers', access),
      currentUserId: user.id,
    })
  }

  /** Adds an existing account by email, with a role. */
  async store({ auth, bouncer, params, request, response, session }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(ProjectPolicy).authorize('manageMembers', access)
    const { email, role } = await request.validateUsing(addMemberValidator)

    const member = await User.findBy('email', email)
    const known = member
      ? await access.project.related('members').query().where('users.id', member.id).first()
      : null
    const problem = !member
      ? 'No account uses this address yet.'
      : known
        ? 'This person is already a member.'
        : null
    if (problem || !member) {
      session.flash('inputErrorsBag', { email: [problem] })
      return response.redirect().back()
    }

    await addMember(access.project, member, role)
    session.flash('success', `${member.fullName} joined as ${role}.`)
    return response.redirect().toRoute('projects.members.index', { projectId: access.project.id })
  }

  /** Changes a member's role; the project keeps at least one owner. */
  async update({ auth, bouncer, params, request, response, session }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(ProjectPolicy).authorize('manageMembers', access)
    const { role } = await request.validateUsing(changeRoleValidator)
    const member = await User.find(params.id)

    const refusal = member ? await changeMembership(access.project, member, role) : 'not_member'
    session.flash(refusal ? 'error' : 'success', refusal ? REFUSALS[refusal] : 'Role changed.')
    return response.redirect().toRoute('projects.members.index', { projectId: access.project.id })
  }

  /** Removes a member (owners), or lets a member leave; the project keeps at least one owner. */
  async destroy({ auth, bouncer, params, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const access = await loadProjectAccess(user, params.projectId)
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
