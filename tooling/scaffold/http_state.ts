import type { FieldSpec } from '#scaffold/field_spec'
import type { ResourceNames } from '#scaffold/resource_names'
import { enumConstant, payloadValue } from '#scaffold/field_code'
import { type Resource, capitalize, scopeColumn, targetOf } from '#scaffold/resource'

/*
| What the list, choices and controller stubs of make:resource are rendered with.
*/

/** Fields the list searches with its `q` box. */
export function searchFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => field.type === 'string' || field.type === 'text')
}

/** Fields the list filters on with a select: enums and booleans. */
export function filterFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => field.type === 'enum' || field.type === 'boolean')
}

/** The keys of the list's filters, as the page receives them. */
export function listFilterKeys(fields: FieldSpec[]): Record<string, FieldSpec | null> {
  const keys: Record<string, FieldSpec | null> = {}
  if (searchFields(fields).length) keys.q = null
  for (const field of filterFields(fields)) keys[field.property] = field
  return keys
}

/**
 * Where the generated services sit: in the resource's own domain folder,
 * `app/services/invoices/invoice_list.ts`, imported as `#services/invoices/invoice_list`.
 */
export function servicePaths(names: ResourceNames) {
  return {
    list: `${names.plural}/${names.file}_list`,
    choices: `${names.plural}/${names.file}_choices`,
  }
}

/** The rules of the list's query string validator (in `validator.stub`). */
export function listValidatorRules({ names, fields }: Resource): string[] {
  return [
    ...(searchFields(fields).length ? ['q: vine.string().trim().maxLength(200).optional()'] : []),
    ...filterFields(fields).map((field) =>
      field.type === 'enum'
        ? `${field.property}: vine.enum(${enumConstant(names, field)}).optional()`
        : `${field.property}: vine.enum(['yes', 'no']).optional()`
    ),
    'page: vine.number().withoutDecimals().range([1, 100_000]).optional()',
  ]
}

/** `list_service.stub`: one filtered page of a project's (or an owner's) rows, newest first. */
export function listServiceState(resource: Resource) {
  const { names, fields } = resource
  return {
    scope: scopeColumn(resource),
    perPage: `${names.file.toUpperCase()}S_PER_PAGE`,
    searched: searchFields(fields),
    filters: filterFields(fields),
    preloads: resource.relations.map((field) => `.preload('${field.relation!.property}')`).join(''),
  }
}

/**
 * `choices_service.stub`: the choices of a resource's belongs_to fields on its form (the
 * project's members, the rows of the same project or of the same owner); null, so no file, when
 * the resource has no belongs_to.
 */
export function choicesServiceState(resource: Resource) {
  if (resource.relations.length === 0) return null
  const relations = resource.relations.map((field) => {
    const target = targetOf(resource, field)
    const key = field.relation!.property
    return {
      key,
      rows: `${key}Rows`,
      kind: target.kind,
      model: target.model,
      file: target.file,
      titleColumn: target.titleColumn,
      titleAttribute: target.titleAttribute,
    }
  })
  const models = new Map(
    relations.filter((field) => field.kind !== 'user').map((field) => [field.model, field.file])
  )
  return {
    scope: scopeColumn(resource),
    relations,
    models: [...models]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([model, file]) => ({ model, file })),
    usesMembers: relations.some((field) => field.kind === 'user'),
    needsLimit: relations.some((field) => field.kind !== 'user'),
    keys: relations.map((field) => `'${field.key}'`).join(' | '),
  }
}

/** `controller_project.stub` and `controller_owner.stub`: load, authorize, validate, act, respond. */
export function controllerState(resource: Resource) {
  const { names, fields } = resource
  return {
    label: capitalize(names.label),
    aLabel: capitalize(names.aLabel),
    services: servicePaths(names),
    usesDates: fields.some((field) => field.type === 'date' || field.type === 'datetime'),
    usesUser: fields.some((field) => field.type === 'datetime'),
    relations: resource.relations.length > 0,
    filterKeys: Object.keys(listFilterKeys(fields)),
    preloads: resource.relations.map((field) => field.relation!.property),
    columns: fields.map((field) => ({ property: field.property, value: payloadValue(field) })),
  }
}
