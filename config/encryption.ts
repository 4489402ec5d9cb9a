import env from '#start/env'
import { defineConfig } from '@adonisjs/core/encryption'
import { preparedKeyAes256gcm } from '#services/crypto/prepared_key_aes_256_gcm'

/**
 * Encryption of cookies and signed values, keyed by APP_KEY: AES-256-GCM, in the format of the
 * framework's `drivers.aes256gcm`, with its keys prepared once (see app/services/crypto).
 */
const encryptionConfig = defineConfig({
  default: 'gcm',
  list: {
    gcm: preparedKeyAes256gcm({
      keys: [env.get('APP_KEY').release()],
      id: 'gcm',
    }),
  },
})

export default encryptionConfig

declare module '@adonisjs/core/types' {
  export interface EncryptorsList extends InferEncryptors<typeof encryptionConfig> {}
}
