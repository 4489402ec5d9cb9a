import type User from '#models/user'
import type { ProjectRole } from '#shared/projects'
import { AppTransformer } from '#services/http/app_transformer'

/** A project member: who, and with which role. */
export default class MemberTransformer extends AppTransformer<User> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'fullName', 'email', 'initials']),
      role: this.resource.$extras.pivot_role as ProjectRole,
    }
  }
}
