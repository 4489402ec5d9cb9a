import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto'
import { BaseDriver } from '@adonisjs/core/encryption'
import { MessageBuilder, type Secret } from '@adonisjs/core/helpers'
import type { CypherText, EncryptOptions } from '@boringnode/encryption/types'
import { base64UrlDecode, base64UrlEncode } from '#services/crypto/base64url'

const VERSION_PREFIX = 'v1:'
const IV_LENGTH = 12
const AUTH_TAG_LENGTH = 16

type Config = { id: string; key: string | Secret<string> }

/**
 * The AES-256-GCM driver of @boringnode/encryption (encrypted cookies: the cookie session store,
 * the XSRF token), with its cipher keys prepared once as KeyObjects instead of a Buffer that Node
 * converts on every call. It writes and reads exactly the library's format,
 * `id.v1:base64url(cipher text).base64url(iv).base64url(tag)` under the key derived with HKDF from
 * sha256(APP_KEY), and reads the library's older unversioned values, so a value encrypted by
 * either one is read by the other.
 */
export class PreparedKeyAes256Gcm extends BaseDriver {
  #id: string
  #key: KeyObject
  #legacyKey: KeyObject

  constructor(config: Config) {
    super(config)
    this.#id = config.id
    const info = Buffer.from(`aes-256-gcm:v1:${config.id}`)
    const derived = hkdfSync('sha256', this.cryptoKey, Buffer.alloc(0), info, 32)
    this.#key = createSecretKey(Buffer.from(derived))
    this.#legacyKey = createSecretKey(this.cryptoKey)
  }

  encrypt(payload: any, options?: EncryptOptions): CypherText
  encrypt(payload: any, expiresIn?: string | number, purpose?: string): CypherText
  encrypt(
    payload: any,
    expiresInOrOptions?: string | number | EncryptOptions,
    purpose?: string
  ): CypherText {
    const options =
      typeof expiresInOrOptions === 'object' && expiresInOrOptions !== null
        ? expiresInOrOptions
        : { expiresIn: expiresInOrOptions, purpose }

    const iv = randomBytes(IV_LENGTH)
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: AUTH_TAG_LENGTH })
    if (options.purpose) {
      cipher.setAAD(Buffer.from(options.purpose), {
        plaintextLength: Buffer.byteLength(options.purpose),
      })
    }
    const plainText = new MessageBuilder().build(payload, options.expiresIn)
    const cipherText = Buffer.concat([cipher.update(plainText), cipher.final()])
    return this.computeReturns([
      this.#id,
      `${VERSION_PREFIX}${base64UrlEncode(cipherText)}`,
      base64UrlEncode(iv),
      base64UrlEncode(cipher.getAuthTag()),
    ])
  }

  decrypt<T>(value: string, purpose?: string): T | null {
    if (typeof value !== 'string') return null
    const parts = value.split(this.separator)
    if (parts.length !== 4) return null
    const [id, cipherPart, ivPart, tagPart] = parts
    if (!id || !cipherPart || !ivPart || !tagPart || id !== this.#id) return null

    const current = cipherPart.startsWith(VERSION_PREFIX)
    const cipherText = base64UrlDecode(
      current ? cipherPart.slice(VERSION_PREFIX.length) : cipherPart
    )
    const iv = base64UrlDecode(ivPart)
    const tag = base64UrlDecode(tagPart)
    if (!cipherText || iv?.length !== IV_LENGTH || tag?.length !== AUTH_TAG_LENGTH) return null

    try {
      const key = current ? this.#key : this.#legacyKey
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: AUTH_TAG_LENGTH })
      if (purpose) {
        decipher.setAAD(Buffer.from(purpose), { plaintextLength: Buffer.byteLength(purpose) })
      }
      decipher.setAuthTag(tag)
      const plain = Buffer.concat([decipher.update(cipherText), decipher.final()])
      return new MessageBuilder().verify<T>(plain)
    } catch {
      return null
    }
  }
}

/** Config of the prepared-key AES-256-GCM driver for config/encryption.ts (as `drivers.aes256gcm`). */
export function preparedKeyAes256gcm(config: { id: string; keys: (string | Secret<string>)[] }) {
  return {
    driver: (key: string | Secret<string>) => new PreparedKeyAes256Gcm({ id: config.id, key }),
    keys: config.keys.filter((key) => !!key),
  }
}
