import type { HttpContext } from '@adonisjs/core/http'

/** Session key of how the current session's login was made. */
const LOGIN_METHOD_KEY = 'login.method'

/** How a session's login was made: the password alone, with a second factor, or a passkey. */
export type LoginMethod = 'password' | 'second_factor' | 'passkey'

/** Records how the login that just finished was made (after `completeLogin`). */
export function rememberLoginMethod(
  { session }: Pick<HttpContext, 'session'>,
  method: LoginMethod
) {
  session.put(LOGIN_METHOD_KEY, method)
}

/** How the current session's login was made; `password` for sessions older than this record. */
export function loginMethod({ session }: Pick<HttpContext, 'session'>): LoginMethod {
  const method = session.get(LOGIN_METHOD_KEY)
  return method === 'second_factor' || method === 'passkey' ? method : 'password'
}
