import type User from '#models/user'
import { AppTransformer } from '#services/http/app_transformer'

/** The current user as pages see it: never the password or internal columns. */
export default class UserTransformer extends AppTransformer<User> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'fullName', 'email', 'initials', 'timeZone']),
      isStaff: this.resource.isStaff,
      isSuperuser: this.resource.isSuperuser,
      emailVerified: this.resource.emailVerifiedAt !== null,
    }
  }
}
