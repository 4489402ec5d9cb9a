import env from '#start/env'
import { COSEALG } from '@simplewebauthn/server/helpers'

/*
|--------------------------------------------------------------------------
| Passkeys (WebAuthn)
|--------------------------------------------------------------------------
|
| The relying party a passkey is bound to: its ID is the site's host name
| (WEBAUTHN_RP_ID, by default APP_URL's), and the browser must have been on
| one of the expected origins (WEBAUTHN_ORIGIN, comma separated, by default
| APP_URL's origin). A passkey made for one RP ID never works for another.
|
*/
const appUrl = new URL(env.get('APP_URL'))

/** The comma separated origins of WEBAUTHN_ORIGIN, or APP_URL's origin. */
function expectedOrigins(): string[] {
  const listed = (env.get('WEBAUTHN_ORIGIN') ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  return listed.length > 0 ? listed : [appUrl.origin]
}

const passkeysConfig = {
  /** The name authenticators show next to the passkey. */
  rpName: 'Atrium',

  /** The domain passkeys are bound to: the site's host name, without scheme or port. */
  rpId: env.get('WEBAUTHN_RP_ID') || appUrl.hostname,

  /** Where the browser may be when it uses a passkey. */
  origins: expectedOrigins(),

  /**
   * The signature algorithms passkeys may use (EdDSA, ES256, RS256): what authenticators offer,
   * and named here so the library does not probe the runtime for experimental ones.
   */
  algorithms: [COSEALG.EdDSA, COSEALG.ES256, COSEALG.RS256],

  /** How long a challenge handed to the browser may be answered. */
  challengeMinutes: 5,
}

export default passkeysConfig
