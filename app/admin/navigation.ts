import adminSite from '#admin/admin_site'
import type { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import type { AdminNav, AdminNavModel } from '#admin/types'
import { adminJobUrls, adminUrls } from '#admin/urls'
import { canViewJobs } from '#admin/job_access'

/** The sidebar area of the admin's own sections, after the models' areas. */
export const OPERATIONS_AREA = 'Operations'

/** The registered models this user may see. */
export function visibleAdmins(ctx: AdminContext): ModelAdmin[] {
  return adminSite
    .all()
    .filter((admin) => admin.hasViewPermission(ctx) || admin.hasAddPermission(ctx))
}

/** One model as the sidebar and the index list it. */
export function navModel(admin: ModelAdmin, ctx: AdminContext): AdminNavModel {
  return {
    slug: admin.slug,
    label: admin.pluralLabel,
    url: adminUrls.changeList(admin),
    addUrl: admin.hasAddPermission(ctx) ? adminUrls.add(admin) : null,
  }
}

/**
 * The sidebar: the models this user may see, grouped by area in registration order, then the
 * jobs of the queue for those who may see them.
 */
export function adminNav(ctx: AdminContext): AdminNav {
  const areas = new Map<string, AdminNavModel[]>()
  for (const admin of visibleAdmins(ctx)) {
    const models = areas.get(admin.area) ?? []
    models.push(navModel(admin, ctx))
    areas.set(admin.area, models)
  }
  if (canViewJobs(ctx)) {
    const sections = areas.get(OPERATIONS_AREA) ?? []
    sections.push({ slug: 'jobs', label: 'Jobs', url: adminJobUrls.list(), addUrl: null })
    areas.set(OPERATIONS_AREA, sections)
  }
  return { areas: [...areas].map(([name, models]) => ({ name, models })) }
}
