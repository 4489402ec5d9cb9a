import string from '@adonisjs/core/helpers/string'
import type { ResourceScope } from '#scaffold/field_spec'

/** Every name a resource's files use, derived once from the name given to `make:resource`. */
export type ResourceNames = {
  scope: ResourceScope
  /** `Invoice` */
  model: string
  /** `invoice` (file names, snake_case) */
  file: string
  /** `invoices` (table, URL segment, page folder) */
  plural: string
  /** `invoices` as a camelCase variable */
  pluralVar: string
  /** `invoice` as a camelCase variable */
  singularVar: string
  /** `Invoices` */
  pluralPascal: string
  /** `invoice`, `invoices`: words for copy (`line item`) */
  label: string
  pluralLabel: string
  /** `an invoice`, `a line item` */
  aLabel: string
  table: string
  /** `projects.invoices` (a project's resource) or `invoices` (an owner's) */
  routePrefix: string
  /** `projects/invoices` or `invoices` */
  pagePrefix: string
  /** `/projects/:projectId/invoices` or `/invoices` */
  urlPattern: string
  /** `app/controllers/projects/invoices_controller.ts` or `app/controllers/invoices_controller.ts` */
  controllerPath: string
  /** `controllers.projects.Invoices` or `controllers.Invoices`, as the routes file names it */
  controllerRef: string
  /** The functional test's folder under tests/functional: `projects` or `invoices`. */
  testArea: string
}

const MODEL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/

/** Names for a resource of `scope`, or an error naming the bad input. */
export function resourceNames(input: string, scope: ResourceScope = 'project'): ResourceNames {
  if (!MODEL_NAME.test(input)) {
    throw new Error(`Bad resource name "${input}": use letters and digits (Invoice, LineItem)`)
  }
  const model = string.pascalCase(string.singular(input))
  const file = string.snakeCase(model)
  const plural = string.snakeCase(string.plural(model))
  const pluralPascal = string.pascalCase(plural)
  const inProject = scope === 'project'
  return {
    scope,
    model,
    file,
    plural,
    pluralVar: string.camelCase(plural),
    singularVar: string.camelCase(file),
    pluralPascal,
    label: file.replaceAll('_', ' '),
    pluralLabel: plural.replaceAll('_', ' '),
    aLabel: `${/^[aeiou]/.test(file) ? 'an' : 'a'} ${file.replaceAll('_', ' ')}`,
    table: plural,
    routePrefix: inProject ? `projects.${plural}` : plural,
    pagePrefix: inProject ? `projects/${plural}` : plural,
    urlPattern: inProject ? `/projects/:projectId/${plural}` : `/${plural}`,
    controllerPath: inProject
      ? `app/controllers/projects/${plural}_controller.ts`
      : `app/controllers/${plural}_controller.ts`,
    controllerRef: inProject
      ? `controllers.projects.${pluralPascal}`
      : `controllers.${pluralPascal}`,
    testArea: inProject ? 'projects' : plural,
  }
}
