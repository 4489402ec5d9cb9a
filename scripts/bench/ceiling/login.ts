import { scrypt, timingSafeEqual } from 'node:crypto'
import type { CeilingContext } from './context.ts'
import { INSERT_SESSION, LOGIN_USER } from './statements.ts'
import { type CeilingRequest, type CeilingResponse, SECURITY_HEADERS, header } from './http.ts'
import { redirect, text } from './http.ts'
import { sessionCookie, xsrfCookie } from './cookies.ts'
import { type CeilingSession, randomSecret, sha256 } from './session_cookie.ts'

/** W5: the bytes of Atrium's /login page, as a static file. */
export function loginPage(context: CeilingContext): CeilingResponse {
  return {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' },
    body: context.loginHtml,
  }
}

/** Whether `password` matches an Atrium password hash (`$scrypt$n=…,r=…,p=…$salt$hash`). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const [, algorithm, params, salt, digest] = hash.split('$')
  if (algorithm !== 'scrypt' || !salt || !digest) return false
  const options = Object.fromEntries(params.split(',').map((pair) => pair.split('=')))
  const expected = Buffer.from(digest, 'base64')
  const computed = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password,
      Buffer.from(salt, 'base64'),
      expected.length,
      { N: Number(options.n), r: Number(options.r), p: Number(options.p), maxmem: 64 * 2 ** 20 },
      (error, key) => (error ? reject(error) : resolve(key))
    )
  )
  return timingSafeEqual(computed, expected)
}

/**
 * Logs in with the form's email and password: a new row in `user_sessions` (its key only in the
 * signed cookie), a CSRF secret in the session and its token in `XSRF-TOKEN`.
 */
export async function logIn(
  context: CeilingContext,
  request: CeilingRequest
): Promise<CeilingResponse> {
  const form = new URLSearchParams(request.body)
  const [user] = await context.db.all(LOGIN_USER, [form.get('email') ?? ''])
  const valid =
    user &&
    Boolean(user.is_active) &&
    (await verifyPassword(user.password, form.get('password') ?? ''))
  if (!valid) return text(400, 'The email or password is incorrect')

  const session: CeilingSession = {
    userId: Number(user.id),
    key: randomSecret(),
    csrfSecret: randomSecret(),
  }
  const now = context.db.timestamp(new Date())
  await context.db.all(INSERT_SESSION, [
    session.userId,
    sha256(session.key),
    '127.0.0.1',
    header(request, 'user-agent')?.slice(0, 512) ?? null,
    now,
    now,
  ])
  return redirect('/dashboard', [sessionCookie(context, session), xsrfCookie(context, session)])
}
