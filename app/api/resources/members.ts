import { Type } from 'typebox'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { PROJECT_ROLES } from '#shared/projects'
import { describeOperations } from '#api/operations'
import { type OutputOf, outputSchema } from '#api/schema'
import { filterApiListValidator } from '#validators/api_list'
import { addMemberValidator, changeRoleValidator } from '#validators/project'

/** A member of a project as the API answers it: the account (by user id) and its role. */
export const memberOutput = outputSchema(
  Type.Object(
    {
      kind: Type.Literal('member'),
      userId: Type.Integer(),
      fullName: Type.String(),
      email: Type.String({ format: 'email' }),
      role: Type.Enum(PROJECT_ROLES),
    },
    { additionalProperties: false }
  )
)

/** An invitation to an address without an account (its mail queued), when a member is added by email. */
export const invitationOutput = outputSchema(
  Type.Object(
    {
      kind: Type.Literal('invitation'),
      id: Type.Integer(),
      email: Type.String({ format: 'email' }),
      role: Type.Enum(PROJECT_ROLES),
      expiresAt: Type.String({ format: 'date-time' }),
    },
    { additionalProperties: false }
  )
)

/** What adding a member by email answers: the new member, or the invitation mailed instead. */
export const memberAddingOutput = outputSchema(
  Type.Union([memberOutput.schema, invitationOutput.schema])
)

/** A member of the API. */
export type ApiMember = OutputOf<typeof memberOutput>

/** The members of a project as one query: `project_members` joined with their users. */
export function membersQuery(projectId: number, client: QueryClientContract = db.connection()) {
  return client
    .from('project_members')
    .join('users', 'users.id', 'project_members.user_id')
    .where('project_members.project_id', projectId)
    .select('users.id', 'users.full_name', 'users.email', 'project_members.role')
}

/** Rows of {@link membersQuery} as the API answers them. */
export function toApiMembers(rows: Record<string, any>[]): ApiMember[] {
  return rows.map((row) => ({
    kind: 'member',
    userId: Number(row.id),
    fullName: row.full_name,
    email: row.email,
    role: row.role,
  }))
}

/** One member of a project, or null; read through `client`. */
export async function findApiMember(
  projectId: number,
  userId: number,
  client?: QueryClientContract
): Promise<ApiMember | null> {
  const rows = await membersQuery(projectId, client).where('users.id', userId)
  return toApiMembers(rows)[0] ?? null
}

describeOperations(
  {
    route: 'api.members.index',
    summary: "List a project's members, owners first",
    tag: 'Members',
    ability: 'project_member.view',
    query: filterApiListValidator,
    success: { status: 200, data: memberOutput, list: 'page_and_cursor' },
    problems: [404],
  },
  {
    route: 'api.members.store',
    summary: 'Add an account by email, or invite an address without one (owners)',
    tag: 'Members',
    ability: 'project_member.add',
    body: addMemberValidator,
    success: { status: 201, data: memberAddingOutput },
    problems: [404, 409, 413, 415, 422],
    idempotent: true,
  },
  {
    route: 'api.members.show',
    summary: 'Read a member',
    tag: 'Members',
    ability: 'project_member.view',
    success: { status: 200, data: memberOutput },
    problems: [404],
    conditional: 'etag',
  },
  {
    route: 'api.members.update',
    summary: "Change a member's role (owners; a project keeps an owner)",
    tag: 'Members',
    ability: 'project_member.change',
    body: changeRoleValidator,
    success: { status: 200, data: memberOutput },
    problems: [404, 409, 412, 413, 415, 422, 428],
    conditional: 'if-match',
  },
  {
    route: 'api.members.destroy',
    summary: 'Remove a member (owners), or leave (your own user id)',
    tag: 'Members',
    ability: 'project_member.delete',
    success: { status: 204, data: null },
    problems: [404, 409, 412],
  }
)
