import { createHash, randomBytes } from 'node:crypto'

/** A new random secret: 32 bytes (256 bits), URL safe. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** The SHA-256 hex digest of a secret, the only form in which secrets are stored. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
