import { Type } from 'typebox'
import { outputSchema } from '#api/schema'
import { describeOperations } from '#api/operations'
import { createApiTokenValidator } from '#validators/access_token'

/** A token just issued by the token login: the only answer that ever holds its secret. */
export const issuedTokenSchema = outputSchema(
  Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    abilities: Type.Array(Type.String({ pattern: '^[a-z_]+\\.(view|add|change|delete)$' })),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    token: Type.String({ description: 'The secret: send it as `Authorization: Bearer <token>`.' }),
  })
)

describeOperations({
  route: 'api.tokens.store',
  summary: 'Trade an email and password for a personal access token',
  tag: 'Tokens',
  ability: null,
  anonymous: true,
  body: createApiTokenValidator,
  success: { status: 201, data: issuedTokenSchema },
  problems: [401, 422, 429],
})
