import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import { emailRule } from '#validators/session'
import { twoFactorFields } from '#validators/two_factor'
import { tokenAbilities } from '#services/accounts/token_abilities'
import { TOKEN_LIFETIMES_DAYS, TOKEN_NAME_MAX_LENGTH } from '#shared/access_tokens'

/** The rules of a personal access token's fields. */
export const accessTokenFields = {
  /** What the owner calls the token ("CI deploy"), 1 to 100 characters. */
  name: () => vine.string().trim().minLength(1).maxLength(TOKEN_NAME_MAX_LENGTH),
  /** At least one ability, each from the catalog, each once. */
  abilities: () =>
    vine
      .array(vine.enum(() => tokenAbilities()))
      .minLength(1)
      .distinct(),
  /** Days until it expires: one of the offered lifetimes. */
  lifetimeDays: () => vine.number().in([...TOKEN_LIFETIMES_DAYS]),
}

/** The name, unique among the user's tokens. */
const uniqueNameRule = () =>
  accessTokenFields.name().unique({
    table: 'auth_access_tokens',
    column: 'name',
    filter: (query, _value, field) => {
      query.where('tokenable_id', field.meta.userId)
    },
  })

/** A new token on the settings page: name, abilities and lifetime. */
export const createAccessTokenValidator = vine.withMetaData<{ userId: number }>().compile(
  vine.object({
    name: uniqueNameRule(),
    abilities: accessTokenFields.abilities(),
    lifetimeDays: accessTokenFields.lifetimeDays(),
  })
)

/** A name the user has not given another token yet, checked once the user is known. */
export const createTokenNameValidator = vine
  .withMetaData<{ userId: number }>()
  .compile(vine.object({ name: uniqueNameRule() }))

/** New abilities for an existing token. */
export const updateAccessTokenValidator = vine.create({
  abilities: accessTokenFields.abilities(),
})

/**
 * A token issued to an app that logs in with the account's email and password: every ability
 * unless the app asks for fewer. The name's uniqueness is checked once the user is known
 * ({@link createTokenNameValidator}). An account with two-factor sign-in also needs `code` (from
 * its authenticator app) or `recoveryCode`.
 */
export const createApiTokenValidator = vine.create({
  email: emailRule(),
  password: vine.string().minLength(1).maxLength(200),
  name: accessTokenFields.name(),
  abilities: accessTokenFields.abilities().optional(),
  code: twoFactorFields.code().optional(),
  recoveryCode: twoFactorFields.recoveryCode().optional(),
})

/** What a person reads when a token would have no ability. */
const TOKEN_MESSAGES = new SimpleMessagesProvider({
  'abilities.array.minLength': 'Choose at least one ability.',
})
for (const validator of [
  createAccessTokenValidator,
  updateAccessTokenValidator,
  createApiTokenValidator,
]) {
  validator.messagesProvider = TOKEN_MESSAGES
}
