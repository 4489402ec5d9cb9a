import type Passkey from '#models/passkey'
import { AppTransformer } from '#services/http/app_transformer'

/** A passkey as the passkeys page lists it: never its key or credential id. */
export default class PasskeyTransformer extends AppTransformer<Passkey> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'name', 'backedUp']),
      createdAt: this.resource.createdAt.toISO()!,
      lastUsedAt: this.resource.lastUsedAt?.toISO() ?? null,
    }
  }
}
