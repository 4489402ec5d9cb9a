import adminSite from '#admin/admin_site'
import { PERMISSION_ACTIONS, codenameOf, ensurePermissions } from '#admin/permissions'

/**
 * Every permission the registered models can be granted, as Django creates them after migrating:
 * view, add, change and delete per model (only view for a read-only one).
 */
export function permissionCatalog(): { codename: string; name: string }[] {
  return adminSite.all().flatMap((admin) =>
    PERMISSION_ACTIONS.filter((action) => !admin.readOnly || action === 'view').map((action) => ({
      codename: codenameOf(admin.permissionKey, action),
      name: `Can ${action} ${admin.singularLabel}`,
    }))
  )
}

/**
 * Writes the catalog rows that are missing, so they can be granted. Pickers of permissions call
 * it before searching; it inserts only what a new registration added.
 */
export async function ensurePermissionCatalog() {
  await ensurePermissions(permissionCatalog())
}
