import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { deleteRowsValidator } from '#validators/admin'
import adminSite from '#admin/admin_site'
import { denyUnless } from '#admin/access'
import { adminUrls } from '#admin/urls'
import { adminNav } from '#admin/navigation'
import { modelInfo } from '#admin/change_list'
import { titleOf } from '#admin/change_form'
import { collectCascades, isForeignKeyViolation, rowsOf } from '#admin/deletion'

/** Deleting records: a confirmation page that lists what goes with them, then the deletion. */
export default class DeletionsController {
  async create({ admin: ctx, inertia, params, request }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasDeletePermission(ctx))
    const raw = request.input('ids', '')
    const { ids } = await deleteRowsValidator.validate({
      ids: Array.isArray(raw) ? raw.map(String) : String(raw).split(',').filter(Boolean),
    })
    const rows = await rowsOf(admin, ids)
    for (const row of rows) denyUnless(admin.hasDeletePermission(ctx, row))

    const found = rows.map((row) => String(row.$primaryKeyValue))
    return inertia.render('admin/delete_confirmation', {
      nav: adminNav(ctx),
      model: modelInfo(admin, ctx),
      objects: rows.map((row) => ({
        id: String(row.$primaryKeyValue),
        title: titleOf(admin, row),
        url: adminUrls.change(admin, String(row.$primaryKeyValue)),
      })),
      cascades: await collectCascades(admin.model, found),
      ids: found,
      submitUrl: adminUrls.destroy(admin),
      cancelUrl: adminUrls.changeList(admin),
    })
  }

  /** Deletes the rows in one transaction, each through its model (so each is recorded). */
  async destroy({ admin: ctx, params, request, response, session }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasDeletePermission(ctx))
    const { ids } = await request.validateUsing(deleteRowsValidator)

    try {
      const deleted = await db.transaction(async (trx) => {
        const rows = await rowsOf(admin, ids, trx)
        for (const row of rows) denyUnless(admin.hasDeletePermission(ctx, row))
        for (const row of rows) await row.useTransaction(trx).delete()
        return rows.length
      })
      const label = deleted === 1 ? admin.singularLabel : admin.pluralLabel.toLowerCase()
      session.flash('success', `Deleted ${deleted} ${label}.`)
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error
      session.flash(
        'error',
        `Nothing was deleted: other records still refer to the selected ${admin.pluralLabel.toLowerCase()} (for instance, projects refer to their owner).`
      )
    }
    return response.redirect(adminUrls.changeList(admin))
  }
}
