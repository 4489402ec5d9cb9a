import type { ArrowFunction, Block, CallExpression } from 'ts-morph'
import type { ResourceNames } from '#scaffold/resource_names'
import { type TsProject, editSource } from '#scaffold/ts_source'

/** The file importing every API resource, which make:resource adds the new one to. */
export const API_RESOURCES_PATH = 'app/api/resources/main.ts'

/** The API's verbs on a resource, in the order the routes file lists them. */
const API_ROUTES = [
  ['get', '', 'index'],
  ['post', '', 'store'],
  ['get', '/:id', 'show'],
  ['patch', '/:id', 'update'],
  ['delete', '/:id', 'destroy'],
] as const

/** Whether a statement of the routes file is the `/api/v1` group (`.prefix('api/v1')`). */
const API_GROUP = /\.prefix\(\s*['"`]\/?api\/v1['"`]\s*\)/

/**
 * The API routes of a resource, as added inside the `/api/v1` group: a project's under
 * `projects/:projectId` with the project access middleware, an owner's at the group's top.
 */
export function renderApiRoutes(names: ResourceNames): string {
  const routes = API_ROUTES.map(
    ([method, suffix, action]) =>
      `router.${method}('${names.plural}${suffix}', [controllers.api.${names.pluralPascal}, '${action}']).as('${names.plural}.${action}')`
  )
  if (names.scope === 'owner') {
    return `// ${names.pluralPascal} (node ace make:resource ${names.model}): each caller's own.\n${routes.join('\n')}\n`
  }
  return `// ${names.pluralPascal} of a project (node ace make:resource ${names.model}).
router
  .group(() => {
    ${routes.join('\n    ')}
  })
  .prefix('projects/:projectId')
  .use(middleware.projectAccess())
`
}

/**
 * `start/routes.ts`'s source with the resource's API routes added as the last statements of the
 * `/api/v1` group's callback, through the ts-morph `project`; the group's name (`api`) prefixes
 * their names: `api.invoices.index`.
 */
export function addApiRoutes(
  project: TsProject,
  path: string,
  source: string,
  names: ResourceNames
): string {
  return editSource(project, path, source, (file) => {
    const statement = file.getStatements().find((entry) => API_GROUP.test(entry.getText()))
    const group = statement
      ?.getDescendants()
      .find(
        (node): node is CallExpression =>
          node.getKindName() === 'CallExpression' &&
          (node as CallExpression).getExpression().getText().replace(/\s+/g, '') === 'router.group'
      )
    const callback = group?.getArguments()[0]
    const body =
      callback?.getKindName() === 'ArrowFunction'
        ? (callback as ArrowFunction).getBody()
        : undefined
    if (!body || body.getKindName() !== 'Block') {
      throw new Error(
        "start/routes.ts has no router.group(() => {…}).prefix('api/v1') to add the API routes to"
      )
    }
    ;(body as Block).addStatements(renderApiRoutes(names))
  })
}

/** `app/api/resources/main.ts`'s source importing the new resource's file as well. */
export function addApiResourceImport(
  project: TsProject,
  path: string,
  source: string,
  names: ResourceNames
): string {
  return editSource(project, path, source, (file) => {
    const module = `#api/resources/${names.plural}`
    const imported = file.getImportDeclarations().map((entry) => entry.getModuleSpecifierValue())
    if (imported.includes(module))
      throw new Error(`${API_RESOURCES_PATH} already imports ${module}`)
    file.addImportDeclaration({ moduleSpecifier: module })
  })
}
