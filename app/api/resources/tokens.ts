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
  summary: 'Trade an email and password (and a two-factor code) for a personal access token',
  tag: 'Tokens',
  ability: null,
  anonymous: true,
  notes:
    'An account with two-factor sign-in also needs `code` (the 6-digit code of its authenticator app) or `recoveryCode` (one of its recovery codes, used up) in the same body. Without either the answer is 401 with `code: E_TWO_FACTOR_REQUIRED`; a wrong or already used one is 401 with `code: E_TWO_FACTOR_INVALID`. Wrong codes are counted with the login form (5 per 5 minutes per IP, 10 per 15 minutes per account whatever the IP, then 429).',
  body: createApiTokenValidator,
  success: { status: 201, data: issuedTokenSchema },
  problems: [401, 422, 429],
})
