import db from '@adonisjs/lucid/services/db'
import Label from '#models/label'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { validateQuery } from '#api/query'
import { paginate } from '#api/pagination'
import { toApiLabel } from '#api/resources/labels'
import { assertCurrent, etagOf, ifMatchOf, notModified, requireIfMatch } from '#api/conditional'
import { findProjectLabel } from '#services/projects/project_access'
import { LABEL_ORDER_KEYS } from '#services/projects/label_order'
import { readApiRecordValidator, filterApiListValidator } from '#validators/api_list'
import { changeLabelValidator, saveLabelValidator } from '#validators/project'

/** The labels of a project through the API: every member reads them; editors and owners write. */
export default class LabelsController {
  async index(ctx: HttpContext) {
    const { bouncer, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const { page, perPage, cursor } = await validateQuery(ctx, filterApiListValidator)
    const query = db.from('labels').where('labels.project_id', access.project.id).select('labels.*')
    const list = await paginate(ctx, query, { page, perPage, cursor }, LABEL_ORDER_KEYS)
    return { data: list.rows.map(toApiLabel), meta: list.meta, links: list.links }
  }

  async store({ bouncer, request, response, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const values = await request.validateUsing(saveLabelValidator, {
      meta: { projectId: access.project.id },
    })
    const label = toApiLabel(await Label.create({ ...values, projectId: access.project.id }))
    response.header('Location', `/api/v1/projects/${access.project.id}/labels/${label.id}`)
    response.header('ETag', etagOf(label))
    return response.created({ data: label })
  }

  async show(ctx: HttpContext) {
    const { bouncer, params, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    await validateQuery(ctx, readApiRecordValidator)
    const label = toApiLabel(await findProjectLabel(access, params.id))
    if (notModified(ctx, etagOf(label))) return
    return response.ok({ data: label })
  }

  /** Changes the fields sent, if If-Match names the label as it is. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const exists = await findProjectLabel(access, params.id)
    const tags = requireIfMatch(ctx)
    const values = await request.validateUsing(changeLabelValidator, {
      meta: { projectId: access.project.id, labelId: exists.id },
    })

    const label = await db.transaction(async (trx) => {
      const locked = await Label.query({ client: trx })
        .where('id', exists.id)
        .forUpdate()
        .firstOrFail()
      assertCurrent(tags, toApiLabel(locked))
      return locked.merge(values).save()
    })
    const data = toApiLabel(label)
    response.header('ETag', etagOf(data))
    return response.ok({ data })
  }

  /** Deletes a label (tasks lose it); when If-Match is sent, only the label as it names it. */
  async destroy(ctx: HttpContext) {
    const { bouncer, params, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const exists = await findProjectLabel(access, params.id)
    const tags = ifMatchOf(ctx)

    await db.transaction(async (trx) => {
      const locked = await Label.query({ client: trx })
        .where('id', exists.id)
        .forUpdate()
        .firstOrFail()
      if (tags.length > 0) assertCurrent(tags, toApiLabel(locked))
      await locked.delete()
    })
    return response.noContent()
  }
}
