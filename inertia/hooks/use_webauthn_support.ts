import { useSyncExternalStore } from 'react'

/** Support never changes while the page is open: nothing to subscribe to. */
const subscribe = () => () => {}

/**
 * The check of @simplewebauthn/browser's `browserSupportsWebAuthn`, without loading the library:
 * the pages load it only when a passkey is actually used.
 */
const browserSupportsWebAuthn = () => typeof window.PublicKeyCredential === 'function'

/**
 * Whether this browser can use passkeys: null while rendered on the server, then true or false.
 */
export function useWebAuthnSupport(): boolean | null {
  return useSyncExternalStore<boolean | null>(subscribe, browserSupportsWebAuthn, () => null)
}
