import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { isoBase64URL } from '@simplewebauthn/server/helpers'
import type User from '#models/user'
import Passkey from '#models/passkey'
import passkeysConfig from '#config/passkeys'
import { queueMail } from '#mails/queue_mail'
import SecurityNotification from '#mails/security_notification'
import { rememberChallenge, takeChallenge } from '#services/accounts/passkey_challenge'
import { passkeyRefused } from '#services/accounts/passkey_refused'

type SessionHolder = Pick<HttpContext, 'session'>

/** The absolute URL of the passkeys settings, for the mails that tell about a change. */
export function passkeysSettingsUrl(): string {
  return new URL('/settings/passkeys', env.get('APP_URL')).href
}

/**
 * The options the browser needs to make a new passkey for `user`: a fresh challenge (kept in the
 * session), a discoverable credential (so it can log in without the email), and the user's
 * existing passkeys excluded, so one authenticator never holds two of them.
 */
export async function registrationOptions(ctx: SessionHolder, user: User) {
  const existing = await Passkey.query()
    .where('user_id', user.id)
    .select('credential_id', 'transports')
  const options = await generateRegistrationOptions({
    rpName: passkeysConfig.rpName,
    rpID: passkeysConfig.rpId,
    userName: user.email,
    userID: new TextEncoder().encode(String(user.id)),
    userDisplayName: user.fullName,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports ?? undefined,
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    supportedAlgorithmIDs: passkeysConfig.algorithms,
    timeout: passkeysConfig.challengeMinutes * 60_000,
  })
  rememberChallenge(ctx, 'registration', options.challenge)
  return options
}

/**
 * Checks the browser's answer to the registration challenge (taken from the session, so it
 * counts once) and stores the new passkey under `name`, mailing the user in the same
 * transaction. A refused answer throws on the "passkey" field and stores nothing.
 */
export async function registerPasskey(
  ctx: SessionHolder,
  user: User,
  name: string,
  response: RegistrationResponseJSON
): Promise<Passkey> {
  const expectedChallenge = takeChallenge(ctx, 'registration')
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge,
    expectedOrigin: passkeysConfig.origins,
    expectedRPID: passkeysConfig.rpId,
    requireUserVerification: false,
    supportedAlgorithmIDs: passkeysConfig.algorithms,
  }).catch(() => null)
  if (!verification?.verified) throw passkeyRefused()

  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo
  if (await Passkey.findBy('credential_id', credential.id)) throw passkeyRefused()

  return db.transaction(async (trx) => {
    const passkey = await Passkey.create(
      {
        userId: user.id,
        name,
        credentialId: credential.id,
        publicKey: isoBase64URL.fromBuffer(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports?.length ? credential.transports : null,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        lastUsedAt: null,
      },
      { client: trx }
    )
    await queueMail(
      SecurityNotification,
      [
        { email: user.email, fullName: user.fullName },
        passkeysSettingsUrl(),
        'passkey_added',
        name,
      ],
      { client: trx }
    )
    return passkey
  })
}
