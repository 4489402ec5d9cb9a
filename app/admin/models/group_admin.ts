import type Group from '#models/group'
import type { AdminContext } from '#admin/admin_context'
import { ModelAdmin } from '#admin/model_admin'

/** Groups of permissions, granted to users together. Only superusers change what a group grants. */
export class GroupAdmin extends ModelAdmin<typeof Group> {
  area = 'Accounts and history'
  activitySubject = 'group'
  listDisplay = ['name', 'createdAt']
  searchFields = ['name']
  ordering = ['name']
  fieldsets = [{ title: null, fields: ['name', 'permissions'] }]

  getReadonlyFields(ctx: AdminContext) {
    if (!this.hasChangePermission(ctx)) return []
    return ctx.isSuperuser ? [] : ['permissions']
  }
}
