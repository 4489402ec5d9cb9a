import { Readable } from 'node:stream'
import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import adminSite from '#admin/admin_site'
import { denyUnless } from '#admin/access'
import { changeListCsv } from '#admin/csv_export'
import { readChangeListRequest } from '#admin/change_list'

/** The change list as a CSV download: the current search, filters and order, streamed. */
export default class ExportsController {
  async show({ admin: ctx, params, request, response }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasViewPermission(ctx))

    const { filters, state } = await readChangeListRequest({ admin, ctx, query: request.qs() })
    const name = `${admin.slug}-${DateTime.now().toFormat('yyyyMMdd-HHmm')}.csv`

    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header('Content-Disposition', `attachment; filename="${name}"`)
    response.header('Cache-Control', 'no-store')
    response.stream(Readable.from(changeListCsv({ admin, ctx, state, filters })))
  }
}
