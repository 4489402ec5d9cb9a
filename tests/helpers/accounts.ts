import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import type { Message } from '@adonisjs/mail'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'

/**
 * Replaces the mailer with the framework's fake for one test; call the returned function to
 * restore it (pass it to `cleanup`).
 */
export function fakeMail() {
  const fake = mail.fake()
  return { fake, restore: () => mail.restore() }
}

/** The messages of the mails the fake mailer captured, in order. */
export function sentMessages(fake: ReturnType<typeof mail.fake>): Message[] {
  return fake.mails.sent().map((sent) => sent.message)
}

/** The one http(s) link of a mail's plain-text body, as a path for the test client. */
export function linkPath(message: Message): string {
  const text = String(message.nodeMailerMessage.text ?? '')
  const links = text.match(/https?:\/\/\S+/g) ?? []
  if (links.length !== 1) throw new Error(`Expected one link in the mail, found ${links.length}`)
  const url = new URL(links[0])
  return url.pathname + url.search
}

/**
 * Empties the in-memory rate-limit counters the suites use (.env.test), so one test's attempts
 * never throttle the next. The database store is left alone: clearing it would write outside the
 * test's transaction.
 */
export async function clearRateLimits() {
  await limiter.clear(['memory'])
}

/** "Log out other sessions" from the settings, with the factory users' password. */
export function logOutOtherSessions(client: ApiClient, user: User, password = 'password-123') {
  return client
    .delete('/settings/sessions')
    .withCsrfToken()
    .loginAs(user)
    .form({ password })
    .redirects(0)
}
