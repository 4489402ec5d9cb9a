import vine from '@vinejs/vine'
import { emailRule } from '#validators/session'
import { newPasswordRule } from '#validators/rules/password'
import { timeZoneRule } from '#validators/rules/time_zone'
import type { FieldRules } from '#validators/rules/field_rules'

/** The rules of an account's fields, for its pages and the admin. */
export const userFields = {
  /** What people call you, 1 to 120 characters. */
  fullName: () => vine.string().trim().minLength(1).maxLength(120),
  email: emailRule,
  timeZone: timeZoneRule,
} satisfies FieldRules

/**
 * Sign-up form. The email must not belong to another account. The browser sends its time zone
 * unseen; the controller keeps it when the server knows it, else starts the account on UTC.
 */
export const createUserValidator = vine.create({
  fullName: userFields.fullName(),
  email: userFields.email().unique({ table: 'users', column: 'email' }),
  password: newPasswordRule(),
  timeZone: vine.string().trim().maxLength(64).optional(),
})

/**
 * Profile settings: name, email and time zone. A changed email must not belong to another account, and needs
 * the current password (checked by the controller).
 */
export const updateProfileValidator = vine.withMetaData<{ userId: number }>().compile(
  vine.object({
    currentPassword: vine.string().maxLength(200).optional(),
    fullName: userFields.fullName(),
    email: userFields.email().unique({
      table: 'users',
      column: 'email',
      filter: (query, _value, field) => {
        query.whereNot('id', field.meta.userId)
      },
    }),
    timeZone: userFields.timeZone().optional(),
  })
)

/** Password settings: the current password, then the new one twice. */
export const updatePasswordValidator = vine
  .withMetaData<{ user: { email: string; fullName: string } }>()
  .compile(
    vine.object({
      currentPassword: vine.string().minLength(1).maxLength(200),
      password: newPasswordRule(),
    })
  )

/** Account deletion: the password, typed again to confirm. */
export const deleteAccountValidator = vine.create({
  password: vine.string().minLength(1).maxLength(200),
})
