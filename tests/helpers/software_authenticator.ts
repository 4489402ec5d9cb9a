import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import passkeysConfig from '#config/passkeys'
import Passkey from '#models/passkey'
import type User from '#models/user'

/** A value the CBOR encoder takes. */
type CBORType = Parameters<typeof isoCBOR.encode>[0]

/** Authenticator data flags: user present, user verified, attested credential data included. */
const USER_PRESENT = 0x01
const USER_VERIFIED = 0x04
const ATTESTED_CREDENTIAL = 0x40

/** Where a ceremony claims to happen; the site's own RP ID and first origin unless a test says. */
type Ceremony = { origin?: string; rpId?: string }

/**
 * A passkey in software, for tests: an ECDSA P-256 key pair (node:crypto) that answers the
 * server's challenges as a browser and authenticator would, with 'none' attestation (CBOR from
 * the WebAuthn library's helpers). Only the answers are built here; every check is the server's.
 */
export class SoftwareAuthenticator {
  readonly credentialId = isoBase64URL.fromBuffer(randomBytes(16))
  readonly #privateKey: KeyObject
  readonly #publicKey: KeyObject
  /** The signature counter of the next assertion; set it to replay an older one. */
  counter = 0

  constructor(readonly userHandle: string | null = null) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    this.#privateKey = pair.privateKey
    this.#publicKey = pair.publicKey
  }

  /** The public key as a COSE key (what WebAuthn transports and the server stores). */
  get cosePublicKey(): Uint8Array<ArrayBuffer> {
    const jwk = this.#publicKey.export({ format: 'jwk' })
    return isoCBOR.encode(
      new Map<number, CBORType>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ])
    )
  }

  /** Stores this passkey for `user` directly, as a registration would have. */
  async storeFor(user: User, name = 'Test key'): Promise<Passkey> {
    return Passkey.create({
      userId: user.id,
      name,
      credentialId: this.credentialId,
      publicKey: isoBase64URL.fromBuffer(this.cosePublicKey),
      counter: this.counter,
      transports: ['internal'],
      deviceType: 'singleDevice',
      backedUp: false,
      lastUsedAt: null,
    })
  }

  /** The browser's answer to a registration challenge: a new credential, attestation 'none'. */
  attestation(challenge: string, ceremony: Ceremony = {}): RegistrationResponseJSON {
    const credentialId = isoBase64URL.toBuffer(this.credentialId)
    const authData = Buffer.concat([
      this.#authDataHead(ceremony, USER_PRESENT | USER_VERIFIED | ATTESTED_CREDENTIAL),
      Buffer.alloc(16),
      Buffer.from([credentialId.length >> 8, credentialId.length & 0xff]),
      credentialId,
      this.cosePublicKey,
    ])
    const attestationObject = isoCBOR.encode(
      new Map<string, CBORType>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ])
    )
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: this.#clientData('webauthn.create', challenge, ceremony),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ['internal'],
      },
    }
  }

  /** The browser's answer to a login challenge, signed with the private key; counts up. */
  assertion(challenge: string, ceremony: Ceremony = {}): AuthenticationResponseJSON {
    this.counter += 1
    const authData = this.#authDataHead(ceremony, USER_PRESENT | USER_VERIFIED)
    const clientDataJSON = this.#clientData('webauthn.get', challenge, ceremony)
    const clientDataHash = createHash('sha256')
      .update(isoBase64URL.toBuffer(clientDataJSON))
      .digest()
    const signature = sign('sha256', Buffer.concat([authData, clientDataHash]), this.#privateKey)
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON,
        authenticatorData: isoBase64URL.fromBuffer(new Uint8Array(authData)),
        signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
        ...(this.userHandle ? { userHandle: isoBase64URL.fromUTF8String(this.userHandle) } : {}),
      },
    }
  }

  /** RP ID hash, flags and signature counter: the start of all authenticator data. */
  #authDataHead(ceremony: Ceremony, flags: number): Buffer {
    const rpIdHash = createHash('sha256')
      .update(ceremony.rpId ?? passkeysConfig.rpId)
      .digest()
    const counter = Buffer.alloc(4)
    counter.writeUInt32BE(this.counter)
    return Buffer.concat([rpIdHash, Buffer.from([flags]), counter])
  }

  #clientData(type: string, challenge: string, ceremony: Ceremony): string {
    const origin = ceremony.origin ?? passkeysConfig.origins[0]
    return isoBase64URL.fromUTF8String(
      JSON.stringify({ type, challenge, origin, crossOrigin: false })
    )
  }
}
