import type User from '#models/user'
import type { PermissionAction } from '#admin/permissions'

/**
 * Who is using the admin on this request and what they hold: superusers may do everything;
 * other staff hold the permissions granted to them directly or through their groups.
 */
export class AdminContext {
  constructor(
    readonly user: User,
    private readonly codenames: ReadonlySet<string>
  ) {}

  /** Whether the user may `action` records whose permission key is `key` ("task"). */
  can(key: string, action: PermissionAction): boolean {
    if (!this.user.isActive || !this.user.isStaff) return false
    return this.user.isSuperuser || this.codenames.has(`${key}.${action}`)
  }

  get isSuperuser(): boolean {
    return this.user.isActive && this.user.isSuperuser
  }
}
