import type { HttpContext } from '@adonisjs/core/http'
import { INTENDED_URL_KEY } from '#services/accounts/session_keys'
import {
  acceptInvitation,
  acceptRefusal,
  findInvitation,
} from '#services/projects/project_invitations'

const REFUSALS = {
  other_email: 'This invitation is for another email address.',
  archived: 'This project is archived: ask its owner to restore it first.',
} as const

/**
 * The link of a mailed invitation. Guests are asked to sign up or log in with the invited
 * address (and come back here after); the invited user accepts and joins the project.
 */
export default class InvitationsController {
  async show({ auth, inertia, params, request, response, session }: HttpContext) {
    const invitation = await findInvitation(params.token)
    if (!invitation) {
      response.status(404)
      return inertia.render('invitations/show', { invitation: null, refusal: null, guest: false })
    }

    await auth.check()
    const user = auth.user
    if (!user) session.put(INTENDED_URL_KEY, request.url())
    const refusal = user ? acceptRefusal(invitation, user) : null

    return inertia.render('invitations/show', {
      invitation: {
        token: params.token as string,
        email: invitation.email,
        role: invitation.role,
        projectName: invitation.project.name,
        inviter: invitation.invitedBy?.fullName ?? null,
        expiresAt: invitation.expiresAt.toISO()!,
      },
      refusal: refusal ? REFUSALS[refusal] : null,
      guest: !user,
    })
  }

  /** Joins the project with the invited role; only the invited address may. */
  async accept({ auth, params, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const invitation = await findInvitation(params.token)
    if (!invitation) {
      session.flash('error', 'This invitation link is invalid or has expired.')
      return response.redirect().toRoute('dashboard')
    }
    const refusal = acceptRefusal(invitation, user)
    if (refusal) {
      session.flash('error', REFUSALS[refusal])
      return response.redirect().back()
    }

    await acceptInvitation(invitation, user)
    session.flash('success', `You joined ${invitation.project.name} as ${invitation.role}.`)
    return response.redirect().toRoute('projects.show', { projectId: invitation.projectId })
  }
}
