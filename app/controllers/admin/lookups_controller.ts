import type { HttpContext } from '@adonisjs/core/http'
import adminSite from '#admin/admin_site'
import { denyUnless } from '#admin/access'
import { lookupChoices } from '#admin/lookups'
import { memberOf } from '#introspection/model_fields'

/**
 * What a relation picker or filter offers as the user types: rows of the related model whose
 * title contains the term. Open to those who may view the model the field belongs to.
 */
export default class LookupsController {
  async index({ admin: ctx, params, request, response }: HttpContext) {
    const admin = adminSite.bySlug(params.model)
    denyUnless(admin.hasViewPermission(ctx) || admin.hasAddPermission(ctx))

    const member = memberOf(admin.model, params.field)
    const offered =
      admin.getFieldsets(ctx).some((fieldset) => fieldset.fields.includes(params.field)) ||
      admin.getListFilter(ctx).includes(params.field)
    if (!offered || (member?.kind !== 'belongsTo' && member?.kind !== 'manyToMany')) {
      return response.notFound({
        errors: [{ message: `No picker "${params.field}"`, code: 'E_NOT_FOUND' }],
      })
    }
    const term = String(request.input('q', '')).slice(0, 100)
    return { results: await lookupChoices(member.relation.relatedModel(), term) }
  }
}
