import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { validateQuery } from '#api/query'
import { type OrderKey, paginate } from '#api/pagination'
import { toApiActivity } from '#api/resources/activity'
import { projectActivityQuery } from '#activity/activity_history'
import { filterApiActivityValidator } from '#validators/activity'

/** Newest first: the record is append-only, so its ids order it. */
const ACTIVITY_ORDER_KEYS: OrderKey[] = [{ sql: 'activities.id', direction: 'desc' }]

/**
 * A project's activity through the API, read-only: every write to the project and its members,
 * tasks, labels and comments, deletions included, so a client can follow the project by cursor.
 */
export default class ActivityController {
  async index(ctx: HttpContext) {
    const { bouncer, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const { subjectType, page, perPage, cursor } = await validateQuery(
      ctx,
      filterApiActivityValidator
    )
    const query = projectActivityQuery(access.project.id, subjectType)
    const list = await paginate(ctx, query, { page, perPage, cursor }, ACTIVITY_ORDER_KEYS)
    return { data: toApiActivity(list.rows), meta: list.meta, links: list.links }
  }
}
