import type { HttpContext } from '@adonisjs/core/http'
import adminSite from '#admin/admin_site'
import { denyUnless } from '#admin/access'
import { adminUrls } from '#admin/urls'
import { adminNav } from '#admin/navigation'
import { objectHistory } from '#admin/history'
import { modelInfo } from '#admin/change_list'
import { findRecord, titleOf } from '#admin/change_form'

/** One object's history, from the activity record: who changed what, when, from where. */
export default class HistoryController {
  async show({ admin: ctx, inertia, params }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasViewPermission(ctx))
    const row = await findRecord(admin, params.id)
    denyUnless(admin.hasViewPermission(ctx, row))

    return inertia.render('admin/history', {
      nav: adminNav(ctx),
      model: modelInfo(admin, ctx),
      object: {
        id: String(params.id),
        title: titleOf(admin, row),
        url: adminUrls.change(admin, params.id),
      },
      entries: await objectHistory(admin, admin.activitySubjectIdOf(row), ctx),
    })
  }
}
