import db from '@adonisjs/lucid/services/db'
import Project from '#models/project'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { validateQuery } from '#api/query'
import { paginate } from '#api/pagination'
import { findApiProject, toApiProjects } from '#api/resources/projects'
import { assertCurrent, etagOf, notModified, requireIfMatch } from '#api/conditional'
import {
  changeProject,
  createProject,
  memberProjects,
  PROJECT_ORDER_KEYS,
} from '#services/projects/projects'
import { readApiRecordValidator, filterApiListValidator } from '#validators/api_list'
import { changeProjectValidator, saveProjectValidator } from '#validators/project'

/**
 * The caller's projects through the API: the projects page's list, create, settings, archive
 * and delete, with the same policy (owners change and delete). The page's typed confirmation of a
 * delete is, here, the If-Match a DELETE must send: the client proves it read the project.
 */
export default class ProjectsController {
  /** The projects the caller is a member of, active first, then newest first. */
  async index(ctx: HttpContext) {
    const { page, perPage, cursor } = await validateQuery(ctx, filterApiListValidator)
    const query = memberProjects(db.from('projects'), ctx.auth.getUserOrFail().id)
    const list = await paginate(ctx, query, { page, perPage, cursor }, PROJECT_ORDER_KEYS)
    return { data: await toApiProjects(list.rows), meta: list.meta, links: list.links }
  }

  /** Creates a project owned by the caller: 201 with its location and ETag. */
  async store({ auth, request, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const values = await request.validateUsing(saveProjectValidator)
    const created = await createProject(user, values)
    const project = (await findApiProject(created.id, user.id))!
    response.header('Location', `/api/v1/projects/${project.id}`)
    response.header('ETag', etagOf(project))
    return response.created({ data: project })
  }

  /** One project, with its ETag (304 when the client's copy is current). */
  async show(ctx: HttpContext) {
    const { auth, bouncer, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    await validateQuery(ctx, readApiRecordValidator)
    const project = (await findApiProject(access.project.id, auth.getUserOrFail().id))!
    if (notModified(ctx, etagOf(project))) return
    return response.ok({ data: project })
  }

  /**
   * Renames, describes, archives (`archived: true`) or restores a project, only if it is still
   * what If-Match names (428 without it, 412 with the current project when it changed).
   */
  async update(ctx: HttpContext) {
    const { auth, bouncer, request, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('manage', access)
    const tags = requireIfMatch(ctx)
    const changes = await request.validateUsing(changeProjectValidator)
    const userId = auth.getUserOrFail().id

    await db.transaction(async (trx) => {
      const locked = await Project.query({ client: trx })
        .where('id', access.project.id)
        .forUpdate()
        .firstOrFail()
      assertCurrent(tags, (await findApiProject(locked.id, userId, trx))!)
      await changeProject(locked, changes)
    })
    const project = (await findApiProject(access.project.id, userId))!
    response.header('ETag', etagOf(project))
    return response.ok({ data: project })
  }

  /** Deletes the project with its tasks, labels and comments, if If-Match names it as it is. */
  async destroy(ctx: HttpContext) {
    const { auth, bouncer, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('manage', access)
    const tags = requireIfMatch(ctx)

    await db.transaction(async (trx) => {
      const locked = await Project.query({ client: trx })
        .where('id', access.project.id)
        .forUpdate()
        .firstOrFail()
      assertCurrent(tags, (await findApiProject(locked.id, auth.getUserOrFail().id, trx))!)
      await locked.delete()
    })
    return response.noContent()
  }
}
