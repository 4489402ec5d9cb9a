import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import ProjectInvitation from '#models/project_invitation'
import { ProjectNotFoundException } from '#services/projects/project_access'

/** A project's open invitations: owners revoke them. */
export default class InvitationsController {
  /** Revokes an invitation: its link stops working at once. */
  async destroy({ bouncer, params, response, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('manageMembers', access)
    const invitation = await ProjectInvitation.query()
      .where('project_id', access.project.id)
      .where('id', Number(params.id) || 0)
      .first()
    if (!invitation) throw new ProjectNotFoundException('Invitation not found')

    await invitation.delete()
    session.flash('success', `The invitation to ${invitation.email} is revoked.`)
    return response.redirect().toRoute('projects.members.index', { projectId: access.project.id })
  }
}
