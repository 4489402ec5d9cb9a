import QRCode from 'qrcode'
import { Secret, TOTP } from 'otpauth'
import encryption from '@adonisjs/core/services/encryption'

/** The name authenticator apps show above the account's codes. */
export const TOTP_ISSUER = 'Atrium'

/** A new random TOTP secret (160 bits, as RFC 4226 recommends), in base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** The TOTP generator of a base32 secret: SHA-1, 6 digits, 30 second steps (what apps support). */
export function totpOf(secret: string, email = ''): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  })
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, email: string): string {
  return totpOf(secret, email).toString()
}

/** The QR code of the otpauth URI, as an SVG document drawn on the server. */
export function otpauthQrSvg(secret: string, email: string): Promise<string> {
  return QRCode.toString(otpauthUri(secret, email), { type: 'svg', margin: 1 })
}

/** The secret as stored: encrypted with the app key, so a copy of the database alone is useless. */
export function sealTotpSecret(secret: string): string {
  return encryption.encrypt(secret)
}

/** The base32 secret of a stored value, or null when it cannot be decrypted (another app key). */
export function openTotpSecret(stored: string | null): string | null {
  if (!stored) return null
  return encryption.decrypt<string>(stored) ?? null
}
