import { errors } from '@vinejs/vine'
import type User from '#models/user'
import hash from '@adonisjs/core/services/hash'
import { consumeOrThrow, passwordConfirmLimiter } from '#services/accounts/account_throttle'

/**
 * Confirms that `password` is the user's current password, or throws a validation error on the
 * named field, so the form shows it like any other field error. Tries are limited (5 per 15
 * minutes per user), so a stolen session cannot guess the password.
 */
export async function assertCurrentPassword(user: User, password: string, field = 'password') {
  const key = `confirm:${user.id}`
  await consumeOrThrow(
    passwordConfirmLimiter(),
    key,
    (wait) => `Too many password attempts. Try again in ${wait}.`
  )

  if (await hash.verify(user.password, password)) {
    await passwordConfirmLimiter().delete(key)
    return
  }
  throw new errors.E_VALIDATION_ERROR([
    { field, message: 'The password is incorrect', rule: 'current_password' },
  ])
}
