import { configProvider } from '@adonisjs/core'
import { Encryption } from '@adonisjs/core/encryption'
import type { ApplicationService, EncryptorsList } from '@adonisjs/core/types'
import type { EncryptionConfig } from '@boringnode/encryption/types'
import { PreparedKeyEncryptionManager } from '#services/crypto/prepared_key_encryption'

/** The encrypters of config/encryption.ts, as the container's `encryption` service types them. */
type Encrypters = EncryptorsList extends Record<string, EncryptionConfig> ? EncryptorsList : never
type ResolvedEncryptionConfig = { default?: keyof Encrypters; list: Encrypters }

/**
 * Binds the container's `encryption` (and `Encryption`, which the HTTP server signs and encrypts
 * cookies with) to encrypters whose HMAC keys are prepared once (PreparedKeyEncryptionManager), in
 * place of the bindings of @adonisjs/core's app provider, from the same config/encryption.ts.
 * Listed after the app provider in adonisrc.ts; nothing resolves these bindings before boot.
 */
export default class PreparedKeysProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('encryption', async () => {
      const config = await configProvider.resolve<ResolvedEncryptionConfig>(
        this.app,
        this.app.config.get('encryption')
      )
      if (!config) throw new Error('config/encryption.ts must export defineConfig(...)')
      return new PreparedKeyEncryptionManager<Encrypters>(config)
    })
    this.app.container.singleton(Encryption, async (resolver) => {
      const manager = await resolver.make('encryption')
      return manager.use()
    })
  }
}
