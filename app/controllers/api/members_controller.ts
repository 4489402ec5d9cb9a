import User from '#models/user'
import type ProjectMember from '#models/project_member'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { validateQuery } from '#api/query'
import { paginate } from '#api/pagination'
import { ApiException } from '#api/api_exception'
import { findApiMember, membersQuery, toApiMembers } from '#api/resources/members'
import { assertCurrent, etagOf, ifMatchOf, notModified, requireIfMatch } from '#api/conditional'
import { addMemberByEmail } from '#services/projects/member_adding'
import { type ProjectAccess, ProjectNotFoundException } from '#services/projects/project_access'
import {
  changeMembership,
  MEMBER_ORDER_KEYS,
  MEMBERSHIP_REFUSALS,
  type MembershipRefusal,
} from '#services/projects/project_membership'
import type { ProjectRole } from '#shared/projects'
import { readApiRecordValidator, filterApiListValidator } from '#validators/api_list'
import { addMemberValidator, changeRoleValidator } from '#validators/project'

/**
 * The members of a project through the API, by user id: every member lists them; owners add
 * (by email, inviting an address without an account), re-role and remove them; anyone may leave.
 * The project always keeps an owner (409 otherwise), as on the members page.
 */
export default class MembersController {
  /** One page of members, owners first, then by name. */
  async index(ctx: HttpContext) {
    const { bouncer, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const { page, perPage, cursor } = await validateQuery(ctx, filterApiListValidator)
    const query = membersQuery(access.project.id)
    const list = await paginate(ctx, query, { page, perPage, cursor }, MEMBER_ORDER_KEYS)
    return { data: toApiMembers(list.rows), meta: list.meta, links: list.links }
  }

  /** Adds an account by email (201 with the member), or mails an invitation (201 with it). */
  async store({ auth, bouncer, request, response, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('manageMembers', access)
    const { email, role } = await request.validateUsing(addMemberValidator)
    const result = await addMemberByEmail(access.project, auth.getUserOrFail(), email, role)

    if (!('added' in result)) {
      const { invitation } = result
      return response.created({
        data: {
          kind: 'invitation',
          id: invitation.id,
          email: invitation.email,
          role: invitation.role,
          expiresAt: invitation.expiresAt.toISO()!,
        },
      })
    }
    const member = (await findApiMember(access.project.id, result.added.id))!
    response.header('Location', `/api/v1/projects/${access.project.id}/members/${member.userId}`)
    response.header('ETag', etagOf(member))
    return response.created({ data: member })
  }

  /** One member, with its ETag (304 when the client's copy is current). */
  async show(ctx: HttpContext) {
    const { bouncer, params, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    await validateQuery(ctx, readApiRecordValidator)
    const member = await findApiMember(access.project.id, params.id)
    if (!member) throw new ProjectNotFoundException('Member not found')
    if (notModified(ctx, etagOf(member))) return
    return response.ok({ data: member })
  }

  /** Changes a member's role, if If-Match names the membership as it is. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('manageMembers', access)
    const tags = requireIfMatch(ctx)
    const { role } = await request.validateUsing(changeRoleValidator)

    await this.change(access, params.id, role, tags)
    const member = (await findApiMember(access.project.id, params.id))!
    response.header('ETag', etagOf(member))
    return response.ok({ data: member })
  }

  /** Removes a member (owners), or the caller leaves (their own user id). */
  async destroy(ctx: HttpContext) {
    const { auth, bouncer, params, response, projectAccess: access } = ctx
    const leaving = Number(params.id) === auth.getUserOrFail().id
    await bouncer.with(ProjectPolicy).authorize(leaving ? 'leave' : 'manageMembers', access)

    await this.change(access, params.id, null, ifMatchOf(ctx))
    return response.noContent()
  }

  /** Re-roles or removes (role null) a member through the pages' service, checking If-Match. */
  private async change(
    access: ProjectAccess,
    userId: number,
    role: ProjectRole | null,
    tags: string[]
  ) {
    const user = await User.find(userId)
    const check = async (current: ProjectMember) => {
      if (tags.length === 0) return
      assertCurrent(tags, (await findApiMember(access.project.id, userId, current.$trx))!)
    }
    const refusal = user ? await changeMembership(access.project, user, role, check) : 'not_member'
    if (refusal) throw refusalOf(refusal)
  }
}

/** The problem of a refused membership change: 404 for a non-member, 409 for the last owner. */
function refusalOf(refusal: MembershipRefusal) {
  if (refusal === 'not_member') return new ProjectNotFoundException(MEMBERSHIP_REFUSALS.not_member)
  return new ApiException(409, MEMBERSHIP_REFUSALS.last_owner, { code: 'E_LAST_OWNER' })
}
