import { Type } from 'typebox'
import type User from '#models/user'
import { describeOperations } from '#api/operations'
import { type OutputOf, outputSchema } from '#api/schema'

/** The caller's account as the API answers it: who they are, never a secret. */
export const meOutput = outputSchema(
  Type.Object(
    {
      id: Type.Integer(),
      email: Type.String({ format: 'email' }),
      fullName: Type.String(),
      timeZone: Type.String(),
      emailVerifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
    },
    { additionalProperties: false }
  )
)

/** The caller of the API. */
export type ApiMe = OutputOf<typeof meOutput>

/** `user` as `/me` answers it. */
export function toApiMe(user: User): ApiMe {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    timeZone: user.timeZone,
    emailVerifiedAt: user.emailVerifiedAt?.toISO() ?? null,
    createdAt: user.createdAt.toISO()!,
  }
}

describeOperations({
  route: 'api.me.show',
  summary: 'The caller: the account of the token or session',
  tag: 'Account',
  ability: null,
  success: { status: 200, data: meOutput },
  problems: [],
  conditional: 'etag',
})
