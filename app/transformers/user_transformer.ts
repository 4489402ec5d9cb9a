import type User from '#models/user'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** The current user as pages see it: never the password or internal columns. */
export default class UserTransformer extends BaseTransformer<User> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'fullName', 'email', 'initials', 'timeZone']),
      isStaff: this.resource.isStaff,
      isSuperuser: this.resource.isSuperuser,
      emailVerified: this.resource.emailVerifiedAt !== null,
    }
  }
}
