import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

/** Passwords that appear at the top of every leaked-password list. */
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'administrator',
  'adminadmin',
  'abcdefghij',
  'abc1234567',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'dragon1234',
  'monkey1234',
  'trustno1234',
  'changeme123',
  'atrium1234',
])

/** The minimum length of a password. */
export const PASSWORD_MIN_LENGTH = 10

/**
 * Django's password checks: not a well-known password, not only digits, and not built from the
 * person's own name or email address (read from the sibling `fullName` and `email` fields, or the
 * `user` given in the validator's metadata).
 */
const notGuessable = vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const password = value.toLowerCase()

  if (COMMON_PASSWORDS.has(password)) {
    field.report('This password is too common', 'password.common', field)
    return
  }
  if (/^\d+$/.test(password)) {
    field.report('The password cannot be only digits', 'password.numeric', field)
    return
  }

  const user = (field.meta as { user?: { email?: string; fullName?: string } }).user
  const email = String(field.parent?.email ?? user?.email ?? '').toLowerCase()
  const name = String(field.parent?.fullName ?? user?.fullName ?? '').toLowerCase()
  const personal = [email.split('@')[0], ...name.split(/\s+/)].filter((part) => part.length >= 4)
  if (personal.some((part) => password.includes(part))) {
    field.report('The password is too similar to your name or email', 'password.personal', field)
  }
})

/** A new password: 10 to 200 characters, typed twice, and not guessable. */
export function newPasswordRule() {
  return vine
    .string()
    .minLength(PASSWORD_MIN_LENGTH)
    .maxLength(200)
    .confirmed({ confirmationField: 'passwordConfirmation' })
    .use(notGuessable())
}

/**
 * A password set for someone else (the admin's user form), typed once: the same length and
 * guessability rules as {@link newPasswordRule}.
 */
export function assignedPasswordRule() {
  return vine.string().minLength(PASSWORD_MIN_LENGTH).maxLength(200).use(notGuessable())
}
