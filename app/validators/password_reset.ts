import vine from '@vinejs/vine'
import { emailRule } from '#validators/session'
import { newPasswordRule } from '#validators/rules/password'

/** "Forgot password" form: the account's email. */
export const requestPasswordResetValidator = vine.create({
  email: emailRule(),
})

/** "Reset password" form: the new password twice (the token is in the URL). */
export const resetPasswordValidator = vine
  .withMetaData<{ user: { email: string; fullName: string } }>()
  .compile(
    vine.object({
      password: newPasswordRule(),
    })
  )
