import {
  createHash,
  createHmac,
  createSecretKey,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto'
import { MessageBuilder, type Secret } from '@adonisjs/core/helpers'
import { MessageVerifier } from '@boringnode/encryption/message_verifier'
import { base64UrlDecode, base64UrlEncode } from '#services/crypto/base64url'

/**
 * The message verifier of @boringnode/encryption (signed cookies, signed URLs), with its HMAC
 * keys prepared once as KeyObjects. The library hands `createHmac` a Buffer key on every call,
 * which Node turns into a key each time (3–5× the cost of the HMAC itself on Node 24.21; 24.22
 * fixed it, and a prepared key still saves that work on every release), and
 * compares signatures with two more such HMACs. Signatures are byte for byte the library's:
 * `base64url(message).base64url(HMAC-SHA256(sha256(secret), base64url(message)))`, so values
 * signed by either one are read by the other.
 */
export class PreparedKeyMessageVerifier extends MessageVerifier {
  #keys: KeyObject[]

  constructor(secrets: (string | Secret<string>)[]) {
    super(secrets)
    this.#keys = secrets.map((secret) => {
      const revealed = typeof secret === 'string' ? secret : secret.release()
      return createSecretKey(createHash('sha256').update(revealed).digest())
    })
  }

  #hmac(key: KeyObject, value: string): Buffer {
    return createHmac('sha256', key).update(value).digest()
  }

  sign(payload: any, expiresIn?: string | number, purpose?: string): string {
    if (payload === null || payload === undefined) return super.sign(payload, expiresIn, purpose)
    const encoded = base64UrlEncode(new MessageBuilder().build(payload, expiresIn, purpose))
    return `${encoded}.${base64UrlEncode(this.#hmac(this.#keys[0], encoded))}`
  }

  unsign<T>(payload: string, purpose?: string): T | null {
    if (typeof payload !== 'string') return null
    const parts = payload.split('.')
    if (parts.length !== 2) return null
    const [encoded, signature] = parts
    if (!encoded || !signature) return null

    const decoded = base64UrlDecode(encoded)
    const given = base64UrlDecode(signature)
    if (!decoded || !given) return null
    for (const key of this.#keys) {
      const expected = this.#hmac(key, encoded)
      if (given.length === expected.length && timingSafeEqual(given, expected)) {
        return new MessageBuilder().verify<T>(decoded.toString('utf8'), purpose)
      }
    }
    return null
  }
}
