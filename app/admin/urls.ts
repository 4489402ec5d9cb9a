import type { ModelAdmin } from '#admin/model_admin'

/** Where the admin site is mounted (see start/routes.ts). */
export const ADMIN_PREFIX = '/admin'

/** The URLs of one model's admin pages, built in one place so pages and tests agree. */
export const adminUrls = {
  index: () => ADMIN_PREFIX,
  changeList: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}`,
  add: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}/add`,
  change: (admin: ModelAdmin, id: string | number) =>
    `${ADMIN_PREFIX}/${admin.slug}/${encodeURIComponent(String(id))}`,
  history: (admin: ModelAdmin, id: string | number) =>
    `${ADMIN_PREFIX}/${admin.slug}/${encodeURIComponent(String(id))}/history`,
  delete: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}/delete`,
  actions: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}/actions`,
  export: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}/export.csv`,
  lookup: (admin: ModelAdmin, field: string) => `${ADMIN_PREFIX}/${admin.slug}/lookup/${field}`,
}
