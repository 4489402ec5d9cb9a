import type { ResourceNames } from '#scaffold/resource_names'
import { type TsProject, editSource } from '#scaffold/ts_source'

/** The verbs a resource answers, in the order the routes file lists them. */
const ROUTES = [
  ['get', '', 'index'],
  ['get', '/create', 'create'],
  ['post', '', 'store'],
  ['get', '/:id', 'show'],
  ['get', '/:id/edit', 'edit'],
  ['put', '/:id', 'update'],
  ['delete', '/:id', 'destroy'],
] as const

/** What the routes file must import for the group: the router, the middleware, the controllers. */
const NEEDED_IMPORTS = ['#generated/controllers', '#start/kernel', '@adonisjs/core/services/router']

/**
 * The delimited block of a resource's routes, as `make:resource` appends it to `start/routes.ts`.
 * Its `:id` and `:projectId` match row ids through the routes file's global matchers; a project's
 * resource has the project access middleware, so its controller finds `ctx.projectAccess` loaded.
 */
export function renderRoutesBlock(names: ResourceNames): string {
  const path = names.urlPattern.slice(1)
  const routes = ROUTES.map(
    ([method, suffix, action]) =>
      `    router
      .${method}('${path}${suffix}', [${names.controllerRef}, '${action}'])
      .as('${names.routePrefix}.${action}')`
  ).join('\n')
  const inProject = names.scope === 'project'
  const about = inProject
    ? `${names.pluralPascal} of a project (node ace make:resource ${names.model}): the project access\n| middleware loads the project and the viewer's role once (404 for a non-member); members\n| read, editors and owners write.`
    : `${names.pluralPascal} (node ace make:resource ${names.model}): each user reads and writes\n| their own.`
  const middleware = inProject
    ? 'middleware.auth(), middleware.verified(), middleware.projectAccess()'
    : 'middleware.auth(), middleware.verified()'
  return `/*
| ${about}
*/
router
  .group(() => {
${routes}
  })
  .use([${middleware}])
`
}

/**
 * `start/routes.ts`'s source with the resource's routes appended as a last statement, through
 * the ts-morph `project`. The file must already import `router`, `middleware` and the generated
 * `controllers`, as the app's routes file does.
 */
export function addResourceRoutes(
  project: TsProject,
  path: string,
  source: string,
  names: ResourceNames
): string {
  return editSource(project, path, source, (file) => {
    const imported = file.getImportDeclarations().map((entry) => entry.getModuleSpecifierValue())
    for (const needed of NEEDED_IMPORTS) {
      if (!imported.includes(needed)) {
        throw new Error(`start/routes.ts does not import "${needed}": add the routes by hand`)
      }
    }
    file.addStatements(`\n${renderRoutesBlock(names)}`)
  })
}
