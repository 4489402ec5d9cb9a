import { errors, type LimiterResponse } from '@adonisjs/limiter'
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

/**
 * Second-step codes (authenticator app or recovery code) per user and IP: 5 tries, then a 5 minute
 * wait. A right code clears it.
 */
export function twoFactorLimiter() {
  return limiter.use({ requests: 5, duration: '5 mins', blockDuration: '5 mins' })
}

/**
 * Second-step codes per user, whatever the IP (someone who has the password guessing codes from
 * many addresses): 10 tries per 15 minutes, then a 15 minute wait. A right code gives back only
 * its own try, never the wrong ones.
 */
export function twoFactorUserLimiter() {
  return limiter.use({ requests: 10, duration: '15 mins', blockDuration: '15 mins' })
}

/**
 * Wrong codes per waiting login (the login's random id, kept on the server side of the counter
 * so a replayed session cookie cannot reset it): 5, then that login is refused for as long as a
 * login may wait. A finished login is blocked the same way, so it cannot be replayed.
 */
export function pendingLoginLimiter() {
  return limiter.use({ requests: 5, duration: '5 mins', blockDuration: '5 mins' })
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
 * Counts one request against a limiter and returns what is left, or throws its 429 exception with
 * a message that says how long to wait ("Too many reset requests. Try again in 14 minutes.").
 */
export async function consumeOrThrow(
  accountLimiter: AccountLimiter,
  key: string,
  message: (wait: string) => string
): Promise<LimiterResponse> {
  try {
    return await accountLimiter.consume(key)
  } catch (error) {
    if (error instanceof errors.E_TOO_MANY_REQUESTS) {
      throw error.setMessage(message(waitTimeInWords(error.response.availableIn)))
    }
    throw error
  }
}
