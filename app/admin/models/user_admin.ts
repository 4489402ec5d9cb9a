import type User from '#models/user'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import type { AdminContext } from '#admin/admin_context'
import { ModelAdmin } from '#admin/model_admin'
import { userFields } from '#validators/user'

/**
 * Accounts. Passwords are never shown; they are set on the add form (with the sign-up rules)
 * and changed with `node ace user:password`. Only superusers grant superuser status, groups and
 * permissions, so a staff member cannot raise their own rights.
 */
export class UserAdmin extends ModelAdmin<typeof User> {
  area = 'Accounts and history'
  activitySubject = 'user'
  titleField = 'email'
  listDisplay = ['email', 'fullName', 'isActive', 'isStaff', 'isSuperuser', 'createdAt']
  searchFields = ['email', 'fullName']
  listFilter = ['isActive', 'isStaff', 'isSuperuser', 'createdAt']
  ordering = ['email']
  sortableFields = ['email', 'fullName', 'createdAt']
  fieldsets = [
    { title: null, fields: ['email', 'fullName', 'password', 'timeZone'] },
    {
      title: 'Permissions',
      fields: ['isActive', 'isStaff', 'isSuperuser', 'groups', 'permissions'],
    },
    { title: 'Dates', fields: ['emailVerifiedAt'] },
  ]
  fieldRules = userFields
  fieldOptions = {
    email: { widget: 'email' as const },
    password: {
      widget: 'password' as const,
      help: 'Set on the add form; change it with node ace user:password.',
    },
  }

  getReadonlyFields(ctx: AdminContext) {
    if (!this.hasChangePermission(ctx)) return []
    return ctx.isSuperuser ? [] : ['isSuperuser', 'groups', 'permissions']
  }

  /** Only a superuser changes a superuser's account. */
  hasChangePermission(ctx: AdminContext, row?: LucidRow) {
    return (
      super.hasChangePermission(ctx) && (ctx.isSuperuser || !(row as User | undefined)?.isSuperuser)
    )
  }

  /** Only a superuser deletes a superuser's account. */
  hasDeletePermission(ctx: AdminContext, row?: LucidRow) {
    return (
      super.hasDeletePermission(ctx) && (ctx.isSuperuser || !(row as User | undefined)?.isSuperuser)
    )
  }
}
