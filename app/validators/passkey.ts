import vine from '@vinejs/vine'
import { safeRedirectPath } from '#services/http/safe_redirect'
import { PASSKEY_NAME_MAX_LENGTH } from '#shared/passkeys'

/** A base64url string of the browser's answer (ids, client data, authenticator data). */
const base64url = () =>
  vine
    .string()
    .maxLength(16_384)
    .regex(/^[A-Za-z0-9_-]+$/)

/** The parts every answer of the browser's WebAuthn ceremony has; the library checks the rest. */
const credentialFields = () => ({
  id: base64url().maxLength(1024),
  rawId: base64url().maxLength(1024),
  type: vine.literal('public-key'),
  authenticatorAttachment: vine.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: vine.object({}).allowUnknownProperties(),
})

/** What the user calls a passkey ("Laptop"), 1 to 100 characters, unique among theirs. */
const passkeyNameRule = () =>
  vine
    .string()
    .trim()
    .minLength(1)
    .maxLength(PASSKEY_NAME_MAX_LENGTH)
    .unique({
      table: 'passkeys',
      column: 'name',
      filter: (query, _value, field) => {
        query.where('user_id', field.meta.userId)
      },
    })

/** The name of a passkey about to be added (asked before the browser makes it). */
export const createPasskeyNameValidator = vine
  .withMetaData<{ userId: number }>()
  .compile(vine.object({ name: passkeyNameRule() }))

/** A new passkey: its name and the browser's answer to the registration challenge. */
export const createPasskeyValidator = vine.withMetaData<{ userId: number }>().compile(
  vine.object({
    name: passkeyNameRule(),
    credential: vine.object({
      ...credentialFields(),
      response: vine.object({
        clientDataJSON: base64url(),
        attestationObject: base64url(),
        transports: vine.array(vine.string().maxLength(32)).maxLength(10).optional(),
      }),
    }),
  })
)

/** A login with a passkey: the browser's answer, "remember me" and where to go afterwards. */
export const createPasskeySessionValidator = vine.create({
  credential: vine.object({
    ...credentialFields(),
    response: vine.object({
      clientDataJSON: base64url(),
      authenticatorData: base64url(),
      signature: base64url(),
      userHandle: base64url().maxLength(1024).optional(),
    }),
  }),
  remember: vine.boolean().optional(),
  next: vine
    .string()
    .optional()
    .transform((value) => safeRedirectPath(value)),
})
