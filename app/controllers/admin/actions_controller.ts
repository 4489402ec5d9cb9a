import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { runBulkActionValidator } from '#validators/admin'
import adminSite from '#admin/admin_site'
import { denyUnless } from '#admin/access'
import { adminUrls } from '#admin/urls'
import { rowsOf } from '#admin/deletion'
import { DELETE_SELECTED } from '#admin/bulk_actions'

/** Bulk actions on the rows selected in a change list. */
export default class ActionsController {
  async store({ admin: ctx, params, request, response, session }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    const { action: name, ids } = await request.validateUsing(runBulkActionValidator)

    if (name === DELETE_SELECTED) {
      denyUnless(admin.hasDeletePermission(ctx))
      return response.redirect(adminUrls.delete(admin, ids))
    }
    const action = admin.getActions(ctx).find((candidate) => candidate.name === name)
    if (!action) {
      session.flash('error', `${admin.pluralLabel} have no action "${name}".`)
      return response.redirect().back()
    }
    denyUnless(ctx.can(admin.permissionKey, action.permission))

    const message = await db.transaction(async (trx) => {
      const rows = await rowsOf(admin, ids, trx)
      for (const row of rows) row.useTransaction(trx)
      return action.run(rows, { admin: ctx, trx })
    })
    session.flash('success', message)
    return response.redirect().back()
  }
}
