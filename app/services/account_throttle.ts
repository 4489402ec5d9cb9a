import { errors } from '@adonisjs/limiter'
import limiter from '@adonisjs/limiter/services/main'
import { waitTimeInWords } from '#services/wait_time'

/*
 * The rate limits of the account flows. Keys combine the email and the client IP, so one attacker
 * cannot lock a person out from everywhere, and one address cannot try many passwords.
 */

/** Failed logins: 5 per email and IP, then a 5 minute wait. Cleared by a successful login. */
export function loginLimiter() {
  return limiter.use({ requests: 5, duration: '5 mins', blockDuration: '5 mins' })
}

/** Password reset requests: 3 per email and IP per 15 minutes. */
export function passwordResetLimiter() {
  return limiter.use({ requests: 3, duration: '15 mins', blockDuration: '15 mins' })
}

/** Verification mails sent again: 3 per user per 15 minutes. */
export function verificationMailLimiter() {
  return limiter.use({ requests: 3, duration: '15 mins', blockDuration: '15 mins' })
}

/** The key of one email at one IP address. */
export function emailAndIpKey(flow: string, email: string, ip: string): string {
  return `${flow}:${email.trim().toLowerCase()}:${ip}`
}

type AccountLimiter = ReturnType<typeof loginLimiter>

/**
 * Counts one request against a limiter, or throws its 429 exception with a message that says how
 * long to wait ("Too many reset requests. Try again in 14 minutes.").
 */
export async function consumeOrThrow(
  accountLimiter: AccountLimiter,
  key: string,
  message: (wait: string) => string
): Promise<void> {
  try {
    await accountLimiter.consume(key)
  } catch (error) {
    if (error instanceof errors.E_TOO_MANY_REQUESTS) {
      throw error.setMessage(message(waitTimeInWords(error.response.availableIn)))
    }
    throw error
  }
}
