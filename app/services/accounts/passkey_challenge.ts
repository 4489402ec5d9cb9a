import type { HttpContext } from '@adonisjs/core/http'
import passkeysConfig from '#config/passkeys'
import { CHALLENGE_EXPIRED_MESSAGE, passkeyRefused } from '#services/accounts/passkey_refused'

/** What a challenge is for: adding a passkey, or logging in with one. One session key each. */
export type ChallengePurpose = 'registration' | 'authentication'

/** A challenge as the session keeps it, until it is answered or expires. */
export type StoredChallenge = { challenge: string; expiresAt: number }

type SessionHolder = Pick<HttpContext, 'session'>

/** The session key of the challenge of one purpose. */
export function challengeKey(purpose: ChallengePurpose): string {
  return `passkey_challenge_${purpose}`
}

/** Keeps the challenge just handed to the browser; a newer one replaces an older one. */
export function rememberChallenge(
  { session }: SessionHolder,
  purpose: ChallengePurpose,
  challenge: string
) {
  const stored: StoredChallenge = {
    challenge,
    expiresAt: Date.now() + passkeysConfig.challengeMinutes * 60_000,
  }
  session.put(challengeKey(purpose), stored)
}

/**
 * Takes the challenge of `purpose` out of the session, so it answers one verification only.
 * A missing or expired challenge is refused with a message asking to try again.
 */
export function takeChallenge({ session }: SessionHolder, purpose: ChallengePurpose): string {
  const stored = session.pull(challengeKey(purpose)) as StoredChallenge | undefined
  if (!stored || typeof stored.challenge !== 'string' || !(stored.expiresAt > Date.now())) {
    throw passkeyRefused(CHALLENGE_EXPIRED_MESSAGE)
  }
  return stored.challenge
}
