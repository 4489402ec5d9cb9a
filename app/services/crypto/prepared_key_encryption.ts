import { Encryption, EncryptionManager } from '@adonisjs/core/encryption'
import type { EncryptionConfig } from '@boringnode/encryption/types'
import { PreparedKeyMessageVerifier } from '#services/crypto/prepared_key_message_verifier'

/** An Encryption whose message verifier signs and verifies with keys prepared once. */
export class PreparedKeyEncryption extends Encryption {
  #verifier: PreparedKeyMessageVerifier

  constructor(config: EncryptionConfig) {
    super(config)
    this.#verifier = new PreparedKeyMessageVerifier(config.keys)
  }

  getMessageVerifier(): PreparedKeyMessageVerifier {
    return this.#verifier
  }
}

/**
 * The encryption manager of @adonisjs/core (the container's `encryption`), building
 * PreparedKeyEncryption instances: bound by providers/prepared_keys_provider.ts.
 */
export class PreparedKeyEncryptionManager<
  Encrypters extends Record<string, EncryptionConfig>,
> extends EncryptionManager<Encrypters> {
  #config: { default?: keyof Encrypters; list: Encrypters }
  #instances = new Map<PropertyKey, PreparedKeyEncryption>()

  constructor(config: { default?: keyof Encrypters; list: Encrypters }) {
    super(config)
    this.#config = config
  }

  use(name?: PropertyKey): PreparedKeyEncryption {
    const encrypterName = name ?? this.#config.default
    if (encrypterName === undefined || !Object.hasOwn(this.#config.list, encrypterName)) {
      throw new Error(
        `Encryption "${String(encrypterName)}" is not defined in config/encryption.ts`
      )
    }
    let instance = this.#instances.get(encrypterName)
    if (!instance) {
      instance = new PreparedKeyEncryption(this.#config.list[encrypterName as keyof Encrypters])
      this.#instances.set(encrypterName, instance)
    }
    return instance
  }
}
