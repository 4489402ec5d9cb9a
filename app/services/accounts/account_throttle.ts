import { errors } from '@adonisjs/limiter'
import limiter from '@adonisjs/limiter/services/main'
import { sha256 } from '#services/accounts/hashing'
import { waitTimeInWords } from '#services/accounts/wait_time'

/*
 * The rate limits of the account flows. Attempts are counted before the work is done (so parallel
 * requests cannot slip past the counter) and forgiven on success where it makes sense. Emails are
 * hashed into keys, which keeps keys short and addresses out of the counters' storage.
 */

/** Logins per email and IP: 5 tries, then a 5 minute wait. A successful login clears it. */
export function loginLimiter() {
  return limiter.use({ requests: 5, duration: '5 mins', blockDuration: '5 mins' })
}

/** Logins per IP, whatever the email (credential stuffing): 50 tries per 15 minutes. */
export function loginIpLimiter() {
  return limiter.use({ requests: 50, duration: '15 mins', blockDuration: '15 mins' })
}

/** Password reset requests: 3 per email and IP per 15 minutes. */
export function passwordResetLimiter() {
  return limiter.use({ requests: 3, duration: '15 mins', blockDuration: '15 mins' })
}

/** Verification mails: 3 per user per 15 minutes. */
export function verificationMailLimiter() {
  return limiter.use({ requests: 3, duration: '15 mins', blockDuration: '15 mins' })
}

/** Password confirmations (settings): 5 wrong tries per user, then a 15 minute wait. */
export function passwordConfirmLimiter() {
  return limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
}

/** Sign-ups per IP: 10 per hour. */
export function signupLimiter() {
  return limiter.use({ requests: 10, duration: '1 hour', blockDuration: '1 hour' })
}

/** Project invitations (each one sends a mail) per inviting user: 30 per hour. */
export function invitationLimiter() {
  return limiter.use({ requests: 30, duration: '1 hour', blockDuration: '1 hour' })
}

/** The key of one email at one IP address. */
export function emailAndIpKey(flow: string, email: string, ip: string): string {
  return `${flow}:${sha256(email.trim().toLowerCase()).slice(0, 32)}:${ip}`
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
