import adminSite from '#admin/admin_site'
import { codenameOf, ensurePermissions } from '#admin/permissions'
import { jobPermissions } from '#admin/job_access'

/**
 * Every permission the registered models can be granted, as Django creates them after migrating:
 * view, add, change and delete per model, or the fewer its admin offers (only view for a
 * read-only one), and those of the admin's own sections (the jobs of the queue).
 */
export function permissionCatalog(): { codename: string; name: string }[] {
  const models = adminSite.all().flatMap((admin) =>
    admin.permissionActions.map((action) => ({
      codename: codenameOf(admin.permissionKey, action),
      name: `Can ${action} ${admin.singularLabel}`,
    }))
  )
  return [...models, ...jobPermissions()]
}

/**
 * Writes the catalog rows that are missing, so they can be granted. Pickers of permissions call
 * it before searching; it inserts only what a new registration added.
 */
export async function ensurePermissionCatalog() {
  await ensurePermissions(permissionCatalog())
}
