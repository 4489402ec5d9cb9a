import type { ModelAdmin } from '#admin/model_admin'

/** Where the admin site is mounted (see start/routes.ts). */
export const ADMIN_PREFIX = '/admin'

/** A row's id as a URL segment; an id that is not there is a bug, never a link. */
function segment(id: string | number): string {
  if (id === undefined || id === null || String(id) === '' || String(id) === 'undefined') {
    throw new Error(`An admin link needs the id of a row, got "${String(id)}"`)
  }
  return encodeURIComponent(String(id))
}

/** The URLs of one model's admin pages, built in one place so pages and tests agree. */
export const adminUrls = {
  index: () => ADMIN_PREFIX,
  changeList: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}`,
  add: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}/add`,
  change: (admin: ModelAdmin, id: string | number) =>
    `${ADMIN_PREFIX}/${admin.slug}/${segment(id)}`,
  history: (admin: ModelAdmin, id: string | number) =>
    `${ADMIN_PREFIX}/${admin.slug}/${segment(id)}/history`,
  delete: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}/delete`,
  actions: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}/actions`,
  export: (admin: ModelAdmin) => `${ADMIN_PREFIX}/${admin.slug}/export.csv`,
  lookup: (admin: ModelAdmin, field: string) => `${ADMIN_PREFIX}/${admin.slug}/lookup/${field}`,
}
