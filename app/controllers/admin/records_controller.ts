import type { HttpContext } from '@adonisjs/core/http'
import adminSite from '#admin/admin_site'
import { denyUnless } from '#admin/access'
import { adminUrls } from '#admin/urls'
import { adminNav } from '#admin/navigation'
import { buildChangeList, readChangeListRequest } from '#admin/change_list'
import { buildChangeForm, findRecord, saveChangeForm, titleOf } from '#admin/change_form'

/** Where "save", "save and add another" and "save and continue editing" lead. */
function afterSave(admin: ReturnType<typeof adminSite.bySlug>, id: string, choice: unknown) {
  if (choice === 'add_another') return adminUrls.add(admin)
  if (choice === 'continue') return adminUrls.change(admin, id)
  return adminUrls.changeList(admin)
}

/** The records of one registered model: the change list, and the add and change forms. */
export default class RecordsController {
  /** The change list: search, filters, sorting and pages, all from the query string. */
  async index({ admin: ctx, inertia, params, request }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasViewPermission(ctx))

    const { filters, state } = await readChangeListRequest({ admin, ctx, query: request.qs() })
    const changeList = await buildChangeList({ admin, ctx, state, filters })

    const page = (admin.pages.changeList ?? 'admin/change_list') as 'admin/change_list'
    return inertia.render(page, { nav: adminNav(ctx), ...changeList })
  }

  async create({ admin: ctx, inertia, params }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasAddPermission(ctx))
    const form = await buildChangeForm(admin, ctx, null)
    const page = (admin.pages.changeForm ?? 'admin/change_form') as 'admin/change_form'
    return inertia.render(page, { nav: adminNav(ctx), ...form })
  }

  async store({ admin: ctx, params, request, response, session }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasAddPermission(ctx))
    const row = await saveChangeForm(admin, ctx, null, request.body())
    const id = String(row.$primaryKeyValue)
    session.flash('success', `The ${admin.singularLabel} “${titleOf(admin, row)}” was added.`)
    return response.redirect(afterSave(admin, id, request.input('_save')))
  }

  /**
   * The change form; read-only for users who may only view. Permissions are checked before the
   * row is looked up, so a missing row and a forbidden one answer alike.
   */
  async edit({ admin: ctx, inertia, params }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasViewPermission(ctx))
    const row = await findRecord(admin, params.id)
    denyUnless(admin.hasViewPermission(ctx, row))
    const form = await buildChangeForm(admin, ctx, row)
    const page = (admin.pages.changeForm ?? 'admin/change_form') as 'admin/change_form'
    return inertia.render(page, { nav: adminNav(ctx), ...form })
  }

  async update({ admin: ctx, params, request, response, session }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasChangePermission(ctx))
    const current = await findRecord(admin, params.id)
    denyUnless(admin.hasChangePermission(ctx, current))
    const row = await saveChangeForm(admin, ctx, params.id, request.body())
    session.flash('success', `The ${admin.singularLabel} “${titleOf(admin, row)}” was changed.`)
    return response.redirect(afterSave(admin, params.id, request.input('_save')))
  }
}
