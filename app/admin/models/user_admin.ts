import type User from '#models/user'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import type { AdminContext } from '#admin/admin_context'
import { ModelAdmin } from '#admin/model_admin'
import { userFields } from '#validators/user'
import { resetSecondFactors } from '#admin/models/user_actions'

/**
 * Accounts. Passwords are never shown; they are set on the add form (with the sign-up rules)
 * and changed with `node ace user:password`. Only superusers grant superuser status, groups and
 * permissions, so a staff member cannot raise their own rights.
 */
export class UserAdmin extends ModelAdmin<typeof User> {
  area = 'Accounts and history'
  activitySubject = 'user'
  titleField = 'email'
  listDisplay = [
    'email',
    'fullName',
    'isActive',
    'isStaff',
    'isSuperuser',
    'twoFactor',
    'passkeys',
    'createdAt',
  ]
  /** Whether two-factor sign-in is on and how many passkeys: never the secret, codes or keys. */
  computed = {
    twoFactor: {
      label: 'Two-factor',
      type: 'boolean' as const,
      select: ['two_factor_confirmed_at'],
      value: (row: Record<string, any>) => Boolean(row.two_factor_confirmed_at),
    },
    passkeys: {
      label: 'Passkeys',
      type: 'number' as const,
      expression: 'select count(*) from passkeys where passkeys.user_id = users.id',
      value: (row: Record<string, any>) => Number(row.passkeys ?? 0),
    },
  }
  actions = [resetSecondFactors]
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
    { title: 'Dates', fields: ['emailVerifiedAt', 'twoFactorConfirmedAt'] },
  ]
  fieldRules = userFields
  fieldOptions = {
    email: { widget: 'email' as const },
    password: {
      widget: 'password' as const,
      help: 'Set on the add form; change it with node ace user:password.',
    },
    twoFactorConfirmedAt: {
      label: 'Two-factor sign-in on since',
      help: 'Cleared by the "Reset second factor" action.',
    },
  }

  /** When two-factor sign-in was turned on is shown, never set here (the reset action clears it). */
  getReadonlyFields(ctx: AdminContext) {
    if (!this.hasChangePermission(ctx)) return []
    return ctx.isSuperuser
      ? ['twoFactorConfirmedAt']
      : ['twoFactorConfirmedAt', 'isSuperuser', 'groups', 'permissions']
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
