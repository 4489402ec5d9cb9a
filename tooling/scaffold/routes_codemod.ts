import type { ResourceNames } from '#scaffold/resource_names'

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
  return `
/*
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
 * Appends a resource's routes to the source of `start/routes.ts`. The file must already import
 * `router`, `middleware` and the generated `controllers`, as the app's routes file does.
 */
export function addResourceRoutes(source: string, names: ResourceNames): string {
  for (const needed of ['#generated/controllers', '#start/kernel', 'services/router']) {
    if (!source.includes(needed)) {
      throw new Error(`start/routes.ts does not import "${needed}": add the routes by hand`)
    }
  }
  return `${source.trimEnd()}\n${renderRoutesBlock(names)}`
}
