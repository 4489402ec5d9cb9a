import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { loadProjectAccess, type ProjectAccess } from '#services/projects/project_access'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /**
     * The project of the URL's `:projectId` and the viewer's role in it, loaded once per request
     * (set by the project access middleware, on the routes under `/projects/:projectId` only).
     * Controllers authorize each action against it with `ProjectPolicy`.
     */
    projectAccess: ProjectAccess
  }
}

/**
 * Loads the project a route under `/projects/:projectId` is about, with the viewer's role, in one
 * query (after `auth`). A project the viewer is not a member of answers 404 exactly like a missing
 * one; superusers see all. What the viewer may do there is each action's own check.
 */
export default class ProjectAccessMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    ctx.projectAccess = await loadProjectAccess(ctx.auth.getUserOrFail(), ctx.params.projectId)
    return next()
  }
}
