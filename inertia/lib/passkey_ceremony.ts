import type { FormDataConvertible } from '@inertiajs/core'
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser'
import { postJson } from '~/lib/post_json'

/** The browser's answer to a challenge: plain JSON, which Inertia posts as the body it is. */
export type CeremonyAnswer = Record<string, FormDataConvertible>

/**
 * The browser's part of a login with a passkey: fetches the challenge from `optionsUrl` and lets
 * the person sign it with a passkey. Pages import this module when a passkey is used, so neither
 * it nor the WebAuthn library weighs on their first load.
 */
export async function signChallenge(optionsUrl: string): Promise<CeremonyAnswer> {
  const optionsJSON = await postJson<PublicKeyCredentialRequestOptionsJSON>(optionsUrl)
  const { startAuthentication } = await import('@simplewebauthn/browser')
  return (await startAuthentication({ optionsJSON })) as unknown as CeremonyAnswer
}

/**
 * The browser's part of adding a passkey: fetches the challenge from `optionsUrl` (sending `body`,
 * which the server checks first) and lets the person's device make the passkey.
 */
export async function makePasskey(optionsUrl: string, body: object): Promise<CeremonyAnswer> {
  const optionsJSON = await postJson<PublicKeyCredentialCreationOptionsJSON>(optionsUrl, body)
  const { startRegistration } = await import('@simplewebauthn/browser')
  return (await startRegistration({ optionsJSON })) as unknown as CeremonyAnswer
}
