import type { ApiClient, ApiResponse } from '@japa/api-client'
import type User from '#models/user'
import { verifySecondStep, type SecondStepPassed } from '#services/two_factor/second_step'
import { wrongTotpCode } from '#tests/helpers/two_factor'

/** The password every factory user has. */
const PASSWORD = 'password-123'

/** What the code form says when a waiting login can no longer finish. */
export const LOGIN_AGAIN = 'Your login timed out. Enter your email and password again.'

/** Asserts a second step was refused for good: back to the password, not logged in. */
export function assertBackToPassword(response: ApiResponse) {
  response.assertHeader('location', '/login')
  response.assertFlashMessage('error', LOGIN_AGAIN)
  response.assertSessionMissing('auth_web')
}

/** The session a password step leaves: a login waiting for its second step. */
export type WaitingLogin = ReturnType<ApiResponse['session']>

/**
 * The password step of a login with two-factor sign-in on: asserts it sends to the code form
 * and returns the session it leaves (a login waiting for its code).
 */
export async function passwordStep(client: ApiClient, user: User) {
  const response = await client
    .post('/login')
    .withCsrfToken()
    .form({ email: user.email, password: PASSWORD })
    .redirects(0)
  response.assertStatus(302)
  response.assertHeader('location', '/login/two-factor')
  return response.session()
}

/** The second step, sent with the session the password step left. */
export function codeStep(client: ApiClient, session: WaitingLogin, body: Record<string, string>) {
  return client
    .post('/login/two-factor')
    .withCsrfToken()
    .withSession(session)
    .header('referer', '/login/two-factor')
    .form(body)
    .redirects(0)
}

type WrongCodeStepsOptions = {
  times: number
  /** The code to send each time (called once per attempt). */
  wrongCode: () => string
  /** One waiting login for every attempt; without it, each attempt has its own password step. */
  session?: WaitingLogin
}

/**
 * Sends wrong codes to the code form one after another, as someone guessing would, and returns
 * the responses in order for the test to check.
 */
export async function wrongCodeSteps(
  client: ApiClient,
  user: User,
  { times, wrongCode, session }: WrongCodeStepsOptions
): Promise<ApiResponse[]> {
  const responses: ApiResponse[] = []
  for (let attempt = 0; attempt < times; attempt++) {
    const waiting = session ?? (await passwordStep(client, user))
    responses.push(await codeStep(client, waiting, { code: wrongCode() }))
  }
  return responses
}

/**
 * Wrong app codes for `user` straight to the second-step check, each from its own IP
 * (203.0.113.1, .2, …); returns what each check answered.
 */
export async function wrongCodesFromManyIps(
  user: User,
  secret: string,
  times: number
): Promise<(SecondStepPassed | null)[]> {
  const answers: (SecondStepPassed | null)[] = []
  for (let attempt = 0; attempt < times; attempt++) {
    const ip = `203.0.113.${attempt + 1}`
    answers.push(await verifySecondStep(user, { code: wrongTotpCode(secret) }, ip))
  }
  return answers
}
