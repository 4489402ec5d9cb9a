import { errors } from '@vinejs/vine'
import type User from '#models/user'
import hash from '@adonisjs/core/services/hash'

/**
 * Confirms that `password` is the user's current password, or throws a validation error on the
 * named field, so the form shows it like any other field error.
 */
export async function assertCurrentPassword(user: User, password: string, field = 'password') {
  if (await hash.verify(user.password, password)) return
  throw new errors.E_VALIDATION_ERROR([
    { field, message: 'The password is incorrect', rule: 'current_password' },
  ])
}
