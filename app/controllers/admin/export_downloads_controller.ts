import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { DateTime } from 'luxon'
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import adminSite from '#admin/admin_site'
import { adminUrls } from '#admin/urls'
import { denyUnless } from '#admin/access'
import { sendAsCsvAttachment } from '#admin/csv_export'
import { adminExports } from '#admin/export_records'
import { exportFilePath } from '#admin/export_files'
import { isExpired } from '#admin/export_list'

/** Whether the file is on disk (the pruning task deletes it once expired). */
async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

/**
 * The file of a background export, for the user who asked for it while they may still view the
 * model: anybody else's export, or one that does not exist, answers 404.
 */
export default class ExportDownloadsController {
  async show({ admin: ctx, params, response, session }: HttpContext) {
    const record = await adminExports.findOwned(params.export, ctx.user.id)
    const admin = record ? adminSite.findBySlug(record.model) : null
    if (!record || !admin) {
      throw new Exception('No export of yours has this id', { status: 404, code: 'E_NOT_FOUND' })
    }
    denyUnless(admin.hasViewPermission(ctx))

    const path = exportFilePath(record.id)
    const refuse = (message: string) => {
      session.flash('error', message)
      return response.redirect(adminUrls.exports())
    }
    if (record.status !== 'done') return refuse('This export is not ready yet.')
    if (isExpired(record)) {
      const when = DateTime.fromJSDate(record.expiresAt!).toUTC().toFormat("yyyy-MM-dd HH:mm 'UTC'")
      return refuse(`This export expired on ${when}. Export the list again for a fresh file.`)
    }
    if (!(await exists(path))) {
      return refuse('The file of this export is no longer kept. Export the list again.')
    }

    sendAsCsvAttachment(response, record.filename)
    response.stream(createReadStream(path))
  }
}
