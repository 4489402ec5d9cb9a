import type AccessToken from '#models/access_token'
import { AppTransformer } from '#services/http/app_transformer'

/** A personal access token as the tokens page lists it: never its secret or hash. */
export default class AccessTokenTransformer extends AppTransformer<AccessToken> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'name', 'abilities']),
      createdAt: this.resource.createdAt.toISO()!,
      lastUsedAt: this.resource.lastUsedAt?.toISO() ?? null,
      expiresAt: this.resource.expiresAt?.toISO() ?? null,
    }
  }
}
