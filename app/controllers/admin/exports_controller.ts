import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import adminSite from '#admin/admin_site'
import { denyUnless } from '#admin/access'
import { adminNav } from '#admin/navigation'
import { adminUrls } from '#admin/urls'
import { readChangeListRequest } from '#admin/change_list'
import { changeListCsv, exportRowCount, sendAsCsvAttachment } from '#admin/csv_export'
import { exportFilename } from '#admin/background_export'
import { startBackgroundExport } from '#admin/export_start'
import { exportEntries } from '#admin/export_list'
import adminExportsConfig from '#config/admin_exports'

/**
 * CSV exports of change lists: a small list (up to `immediateRowLimit` rows) downloads at once; a
 * larger one is written by a background job, listed on the exports page and mailed when ready.
 */
export default class ExportsController {
  /** The user's recent background exports, with their progress and links. */
  async index({ admin: ctx, inertia }: HttpContext) {
    return inertia.render('admin/exports', {
      nav: adminNav(ctx),
      exports: await exportEntries(ctx),
    })
  }

  /** The change list as CSV: the current search, filters and order, streamed or sent to a job. */
  async show({ admin: ctx, params, request, response, session }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasViewPermission(ctx))

    const input = {
      admin,
      ctx,
      ...(await readChangeListRequest({ admin, ctx, query: request.qs() })),
    }
    const limit = adminExportsConfig.immediateRowLimit
    if ((await exportRowCount(input, limit + 1)) > limit) {
      const { started } = await startBackgroundExport(input)
      session.flash(
        'success',
        started
          ? `The export of ${admin.pluralLabel.toLowerCase()} (over ${limit.toLocaleString('en-US')} rows) is being prepared. You will find it under “Your exports” and receive an email with its link when it is ready.`
          : `This export of ${admin.pluralLabel.toLowerCase()} is already being prepared: you will find it under “Your exports”.`
      )
      return response.redirect().withQs().toPath(adminUrls.changeList(admin))
    }

    sendAsCsvAttachment(response, exportFilename(admin))
    response.stream(Readable.from(changeListCsv(input)))
  }
}
