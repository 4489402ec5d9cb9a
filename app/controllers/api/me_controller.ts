import type { HttpContext } from '@adonisjs/core/http'
import { validateQuery } from '#api/query'
import { toApiMe } from '#api/resources/me'
import { etagOf, notModified } from '#api/conditional'
import { readApiRecordValidator } from '#validators/api_list'

/** The caller's own account, as any token may read it (it needs no ability). */
export default class MeController {
  async show(ctx: HttpContext) {
    await validateQuery(ctx, readApiRecordValidator)
    const me = toApiMe(ctx.auth.getUserOrFail())
    if (notModified(ctx, etagOf(me))) return
    return ctx.response.ok({ data: me })
  }
}
