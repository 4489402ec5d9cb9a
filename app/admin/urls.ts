import router from '@adonisjs/core/services/router'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { ModelAdmin } from '#admin/model_admin'
import type { JobState } from '#queue/job_store'

/**
 * The URL builder over the named routes of start/routes.ts. Outside the HTTP server (an ace
 * command such as `admin:bench`, a unit test) the routes are committed first, as the server
 * does at boot; committing twice does nothing.
 */
function routes(): typeof urlFor {
  router.commit()
  return urlFor
}

/** A row's id for an admin link; an id that is not there is a bug, never a link. */
function rowId(id: string | number): string | number {
  if (id === undefined || id === null || String(id) === '' || String(id) === 'undefined') {
    throw new Error(`An admin link needs the id of a row, got "${String(id)}"`)
  }
  return id
}

/**
 * The URLs of one model's admin pages, built from the named `admin.*` routes of start/routes.ts,
 * so pages and tests agree and a renamed or removed route fails the type check, not a click.
 */
export const adminUrls = {
  index: () => routes()('admin.index'),
  changeList: (admin: ModelAdmin) => routes()('admin.records.index', { model: admin.slug }),
  add: (admin: ModelAdmin) => routes()('admin.records.create', { model: admin.slug }),
  /** Where the add form posts. */
  store: (admin: ModelAdmin) => routes()('admin.records.store', { model: admin.slug }),
  change: (admin: ModelAdmin, id: string | number) =>
    routes()('admin.records.edit', { model: admin.slug, id: rowId(id) }),
  /** Where the change form of row `id` puts. */
  update: (admin: ModelAdmin, id: string | number) =>
    routes()('admin.records.update', { model: admin.slug, id: rowId(id) }),
  history: (admin: ModelAdmin, id: string | number) =>
    routes()('admin.history.show', { model: admin.slug, id: rowId(id) }),
  /** The confirmation page of a deletion; with `ids`, of those rows (`?ids=1,2`). */
  delete: (admin: ModelAdmin, ids?: (string | number)[]) =>
    routes()(
      'admin.deletions.create',
      { model: admin.slug },
      ids ? { qs: { ids: ids.map(rowId).join(',') } } : undefined
    ),
  /** Where the deletion confirmation page sends the rows to delete. */
  destroy: (admin: ModelAdmin) => routes()('admin.deletions.destroy', { model: admin.slug }),
  actions: (admin: ModelAdmin) => routes()('admin.actions.store', { model: admin.slug }),
  export: (admin: ModelAdmin) => routes()('admin.exports.show', { model: admin.slug }),
  /** The user's background exports. */
  exports: () => routes()('admin.exports.index'),
  /** The file of background export `id`. */
  exportDownload: (id: string) => routes()('admin.export_downloads.show', { export: id }),
  lookup: (admin: ModelAdmin, field: string) =>
    routes()('admin.lookups.index', { model: admin.slug, field }),
}

/** The URLs of the jobs section, from the named `admin.jobs.*` routes of start/routes.ts. */
export const adminJobUrls = {
  /** The list of one state's jobs; page 1 leaves the page out. */
  list: (state?: JobState, page = 1) => {
    const qs: Record<string, string | number> = {}
    if (state) qs.state = state
    if (page > 1) qs.page = page
    return routes()('admin.jobs.index', {}, Object.keys(qs).length > 0 ? { qs } : undefined)
  },
  show: (id: string) => routes()('admin.jobs.show', { job: id }),
  /** Where one job's retry posts. */
  retry: (id: string) => routes()('admin.jobs.retry', { job: id }),
  /** Where one job's discard deletes. */
  discard: (id: string) => routes()('admin.jobs.destroy', { job: id }),
  /** Where the selected jobs go: POST `{ action, ids }`. */
  actions: () => routes()('admin.jobs.actions'),
}
