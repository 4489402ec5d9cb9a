import type UserSession from '#models/user_session'
import { AppTransformer } from '#services/http/app_transformer'

/** A logged-in session as the sessions page lists it; `current` marks the one in use. */
export default class UserSessionTransformer extends AppTransformer<UserSession> {
  constructor(
    resource: UserSession,
    private currentId: number | null
  ) {
    super(resource)
  }

  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'ipAddress', 'userAgent']),
      createdAt: this.resource.createdAt.toISO()!,
      lastSeenAt: this.resource.lastSeenAt.toISO()!,
      current: this.resource.id === this.currentId,
    }
  }
}
