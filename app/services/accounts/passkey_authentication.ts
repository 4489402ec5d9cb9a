import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from '@simplewebauthn/server'
import { isoBase64URL } from '@simplewebauthn/server/helpers'
import type User from '#models/user'
import Passkey from '#models/passkey'
import passkeysConfig from '#config/passkeys'
import { pendingLoginUser, type PendingLogin } from '#services/accounts/pending_login'
import { consumeOrThrow, loginIpLimiter } from '#services/accounts/account_throttle'
import { rememberChallenge, takeChallenge } from '#services/accounts/passkey_challenge'
import { passkeyRefused } from '#services/accounts/passkey_refused'

type LoginContext = Pick<HttpContext, 'session' | 'request'>

/** The user a passkey proved, and the login waiting for its second step that it finishes, if any. */
export type PasskeyLogin = { user: User; pending: PendingLogin | null }

/**
 * The options the browser needs to log in with a passkey, with a fresh challenge kept in the
 * session. Alone, any passkey of this site may answer (the browser lets the person pick one, no
 * email typed) and it must verify the person (PIN, biometrics), as it is the only factor. As the
 * second step of a login whose password passed, only that user's passkeys may answer.
 */
export async function authenticationOptions(ctx: LoginContext) {
  const waiting = await pendingLoginUser(ctx)
  const pending = waiting?.pending ?? null
  const allowed = pending
    ? await Passkey.query().where('user_id', pending.userId).select('credential_id', 'transports')
    : []
  if (pending && allowed.length === 0) throw passkeyRefused('Your account has no passkey.')

  const options = await generateAuthenticationOptions({
    rpID: passkeysConfig.rpId,
    allowCredentials: allowed.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports ?? undefined,
    })),
    userVerification: pending ? 'preferred' : 'required',
    timeout: passkeysConfig.challengeMinutes * 60_000,
  })
  rememberChallenge(ctx, 'authentication', options.challenge)
  return options
}

/**
 * Checks the browser's answer to the login challenge (taken from the session, so it counts once):
 * a known passkey of an active user (during a second step, of the user waiting for it), signed
 * with its key for this site and origin, its signature counter gone up (or staying 0, for
 * authenticators that keep none). Stores the new counter and when it was used. Failures count
 * against the login form's per-IP limit; a success forgives one. Anything refused throws on the
 * "passkey" field and changes nothing.
 */
export async function verifyPasskeyLogin(
  ctx: LoginContext,
  response: AuthenticationResponseJSON
): Promise<PasskeyLogin> {
  const ipKey = `login-ip:${ctx.request.ip()}`
  await consumeOrThrow(
    loginIpLimiter(),
    ipKey,
    (wait) => `Too many failed logins. Try again in ${wait}.`
  )

  const expectedChallenge = takeChallenge(ctx, 'authentication')
  const waiting = await pendingLoginUser(ctx)
  const pending = waiting?.pending ?? null
  const passkey = await Passkey.query().where('credential_id', response.id).preload('user').first()
  if (!passkey || !passkey.user.isActive) throw passkeyRefused()
  if (pending && passkey.userId !== pending.userId) throw passkeyRefused()

  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: passkeysConfig.origins,
    expectedRPID: passkeysConfig.rpId,
    credential: {
      id: passkey.credentialId,
      publicKey: isoBase64URL.toBuffer(passkey.publicKey),
      counter: passkey.counter,
      transports: passkey.transports ?? undefined,
    },
    requireUserVerification: pending === null,
  }).catch(() => null)
  if (!verification?.verified) throw passkeyRefused()

  await recordUse(passkey, verification.authenticationInfo)
  await loginIpLimiter().decrement(ipKey)
  return { user: passkey.user, pending }
}

/**
 * Stores the new signature counter and when the passkey was used. The update only applies while
 * the stored counter is still below the new one, so two logins racing with one signature cannot
 * both pass.
 */
async function recordUse(
  passkey: Passkey,
  info: { newCounter: number; credentialBackedUp: boolean }
) {
  const query = db.from(Passkey.table).where('id', passkey.id)
  if (info.newCounter > 0) query.where('counter', '<', info.newCounter)
  const updated = await query.update({
    counter: info.newCounter,
    backed_up: info.credentialBackedUp,
    last_used_at: DateTime.now().toFormat(db.connection().dialect.dateTimeFormat),
  })
  if (Number(updated) === 0) throw passkeyRefused()
}
