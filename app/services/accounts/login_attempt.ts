import User from '#models/user'
import { errors as authErrors } from '@adonisjs/auth'
import {
  consumeOrThrow,
  emailAndIpKey,
  loginIpLimiter,
  loginLimiter,
} from '#services/accounts/account_throttle'

/**
 * The account behind an email and password, for every way to log in (the login form, the API's
 * token login), counted against the same limits: per email and IP, and per IP, before the check;
 * a success forgives them. An inactive account gets the same answer as a wrong password, so no
 * entry point ever confirms a password.
 */
export async function verifyLogin(email: string, password: string, ip: string): Promise<User> {
  const emailKey = emailAndIpKey('login', email, ip)
  const ipKey = `login-ip:${ip}`
  const tooMany = (wait: string) => `Too many failed logins. Try again in ${wait}.`
  await consumeOrThrow(loginLimiter(), emailKey, tooMany)
  await consumeOrThrow(loginIpLimiter(), ipKey, tooMany)

  const user = await User.verifyCredentials(email, password)
  if (!user.isActive) throw new authErrors.E_INVALID_CREDENTIALS('Invalid user credentials')
  await loginLimiter().delete(emailKey)
  await loginIpLimiter().decrement(ipKey)
  return user
}
