import string from '@adonisjs/core/helpers/string'

/** Every name a resource's files use, derived once from the name given to `make:resource`. */
export type ResourceNames = {
  /** `Invoice` */
  model: string
  /** `invoice` (file names, snake_case) */
  file: string
  /** `invoices` (table, URL segment, route names, page folder) */
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
  /** `projects.invoices` */
  routePrefix: string
  /** `projects/invoices` */
  pagePrefix: string
}

const MODEL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/

/** Names for a resource, or an error naming the bad input. */
export function resourceNames(input: string): ResourceNames {
  if (!MODEL_NAME.test(input)) {
    throw new Error(`Bad resource name "${input}": use letters and digits (Invoice, LineItem)`)
  }
  const model = string.pascalCase(string.singular(input))
  const file = string.snakeCase(model)
  const plural = string.snakeCase(string.plural(model))
  return {
    model,
    file,
    plural,
    pluralVar: string.camelCase(plural),
    singularVar: string.camelCase(file),
    pluralPascal: string.pascalCase(plural),
    label: file.replaceAll('_', ' '),
    pluralLabel: plural.replaceAll('_', ' '),
    aLabel: `${/^[aeiou]/.test(file) ? 'an' : 'a'} ${file.replaceAll('_', ' ')}`,
    table: plural,
    routePrefix: `projects.${plural}`,
    pagePrefix: `projects/${plural}`,
  }
}
