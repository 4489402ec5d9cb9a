const BASE64URL = /^[A-Za-z0-9_-]*$/

/** Encodes bytes as unpadded base64url, as @boringnode/encryption writes them. */
export function base64UrlEncode(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

/**
 * Decodes unpadded base64url, or returns null for anything that is not its canonical encoding
 * (the same strictness as @boringnode/encryption's reader).
 */
export function base64UrlDecode(encoded: string): Buffer | null {
  if (!BASE64URL.test(encoded) || encoded.length % 4 === 1) return null
  const bytes = Buffer.from(encoded, 'base64url')
  return bytes.toString('base64url') === encoded ? bytes : null
}
