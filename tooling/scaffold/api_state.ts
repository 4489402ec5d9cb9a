import type { FieldSpec } from '#scaffold/field_spec'
import { enumConstant, payloadValue, sampleValue, vineRule } from '#scaffold/field_code'
import { filterFields, searchFields } from '#scaffold/http_state'
import { relationSetup, sampleAssertions } from '#scaffold/test_state'
import {
  type Resource,
  capitalize,
  inProject,
  scopeColumn,
  targetOf,
  titleField,
} from '#scaffold/resource'

/*
| What the API stubs of make:resource (stubs/make/resource/api/*.stub and tests/api.stub) are
| rendered with: the output schema and serializer of each field, the list's filters and sorts,
| the PATCH body's rules and the values the API test sends.
*/

/** The token abilities of a resource's operations: the admin's permission names (`invoice.add`). */
export function apiAbilities({ names }: Resource) {
  return {
    view: `${names.file}.view`,
    add: `${names.file}.add`,
    change: `${names.file}.change`,
    delete: `${names.file}.delete`,
  }
}

/** The TypeBox type of a field in the API's answers. */
export function outputType(resource: Resource, field: FieldSpec): string {
  const base = {
    string: 'Type.String()',
    text: 'Type.String()',
    integer: 'Type.Integer()',
    belongs_to: 'Type.Integer()',
    decimal: 'Type.Number()',
    boolean: 'Type.Boolean()',
    date: "Type.String({ format: 'date' })",
    datetime: "Type.String({ format: 'date-time' })",
    enum: `Type.Enum(${enumConstant(resource.names, field)})`,
  }[field.type]
  return field.nullable ? `Type.Union([${base}, Type.Null()])` : base
}

/** How the serializer reads a field off the model: dates as ISO dates, date-times in UTC. */
export function outputValue(field: FieldSpec): string {
  const value = `row.${field.property}`
  switch (field.type) {
    case 'date':
      return field.nullable ? `${value}?.toISODate() ?? null` : `${value}.toISODate()!`
    case 'datetime':
      return field.nullable ? `${value}?.toUTC().toISO() ?? null` : `${value}.toUTC().toISO()!`
    default:
      return field.nullable ? `${value} ?? null` : value
  }
}

/**
 * The sorts of the API list, each a keyset order ending with the id: newest and oldest first,
 * and by the title field when there is one.
 */
export function apiSorts(resource: Resource) {
  const table = resource.names.table
  const title = titleField(resource)
  return [
    { name: 'newest', keys: [{ sql: `${table}.id`, direction: 'desc' }] },
    { name: 'oldest', keys: [{ sql: `${table}.id`, direction: 'asc' }] },
    ...(title
      ? [
          {
            name: title.property,
            keys: [
              { sql: `${table}.${title.column}`, direction: 'asc' },
              { sql: `${table}.id`, direction: 'asc' },
            ],
          },
        ]
      : []),
  ]
}

/** `api/resource.stub`: the output schema, the serializer and the five operations. */
export function apiResourceState(resource: Resource) {
  const { names, fields } = resource
  const scope = scopeColumn(resource)
  const enums = fields.filter((field) => field.type === 'enum')
  return {
    scope,
    aLabel: capitalize(names.aLabel),
    tag: capitalize(names.pluralLabel),
    ability: apiAbilities(resource),
    enumImports: enums.map((field) => enumConstant(names, field)).join(', '),
    outputs: fields.map((field) => ({
      property: field.property,
      type: outputType(resource, field),
      value: outputValue(field),
    })),
  }
}

/** How the PATCH controller turns a sent value into the model's (only for fields sent). */
function changedValue(field: FieldSpec): string {
  const value = `changes.${field.property}`
  switch (field.type) {
    case 'date':
      return field.nullable
        ? `${value} === null ? null : DateTime.fromJSDate(${value})`
        : `DateTime.fromJSDate(${value})`
    case 'datetime': {
      const inZone = `DateTime.fromJSDate(${value}).setZone(user.timeZone, { keepLocalTime: true })`
      return field.nullable ? `${value} === null ? null : ${inZone}` : inZone
    }
    default:
      return value
  }
}

/** `api/controller.stub`: the list's filters and sorts, and the PATCH's column changes. */
export function apiControllerState(resource: Resource) {
  const { names, fields } = resource
  return {
    scope: scopeColumn(resource),
    usesDates: fields.some((field) => field.type === 'date' || field.type === 'datetime'),
    usesUser: fields.some((field) => field.type === 'datetime'),
    searched: searchFields(fields),
    filters: filterFields(fields),
    sorts: apiSorts(resource).map((sort) => ({
      name: sort.name,
      keys: sort.keys
        .map((key) => `{ sql: '${key.sql}', direction: '${key.direction}' }`)
        .join(', '),
    })),
    label: capitalize(names.label),
    aLabel: capitalize(names.aLabel),
    columns: fields.map((field) => ({ property: field.property, value: payloadValue(field) })),
    changes: fields.map((field) => ({ property: field.property, value: changedValue(field) })),
  }
}

/** The rules of the API's query strings and PATCH body (in `validator.stub`). */
export function apiValidatorRules(resource: Resource) {
  const { names, fields } = resource
  return {
    apiListRules: [
      ...(searchFields(fields).length ? ['q: vine.string().trim().maxLength(200).optional()'] : []),
      ...filterFields(fields).map((field) =>
        field.type === 'enum'
          ? `${field.property}: vine.enum(${enumConstant(names, field)}).optional()`
          : `${field.property}: vine.enum(['yes', 'no']).optional()`
      ),
      `sort: vine.enum([${apiSorts(resource)
        .map((sort) => `'${sort.name}'`)
        .join(', ')}]).optional()`,
    ],
    changeRules: fields.map((field) => {
      const rule = vineRule(resource, field)
      const optional = rule.endsWith('.optional()') ? rule : `${rule}.optional()`
      return {
        property: field.property,
        rule: field.nullable ? `${optional}.nullable()` : optional,
      }
    }),
  }
}

/** A JSON body with the sample values of `variant` (a belongs_to's from the test's rows). */
function sampleBody(fields: FieldSpec[], variant: 0 | 1): string {
  return `{ ${fields.map((field) => `${field.property}: ${sampleValue(field, variant).sent}`).join(', ')} }`
}

/** The order in which the PATCH test prefers a field to change: plain values before dates. */
const CHANGEABLE: FieldSpec['type'][] = [
  'string',
  'text',
  'integer',
  'decimal',
  'boolean',
  'enum',
  'date',
  'datetime',
]

/**
 * The field the PATCH test changes: the first plain one, an enum with two values at least, a
 * date; its row starts at the first sample value (when that is a plain value) and is changed to
 * the second, so the change always bumps the version.
 */
function changedField(fields: FieldSpec[]): FieldSpec {
  const candidates = fields.filter(
    (field) => field.type !== 'belongs_to' && (field.type !== 'enum' || field.values.length > 1)
  )
  const [first] = [...candidates].sort(
    (a, b) => CHANGEABLE.indexOf(a.type) - CHANGEABLE.indexOf(b.type)
  )
  return first ?? fields.find((field) => field.type !== 'belongs_to')!
}

/** The factories an API test imports, by module: the resource's, its relations', the users'. */
function apiFactories(resource: Resource) {
  const { names } = resource
  const factories = new Map<string, Set<string>>()
  const add = (name: string, module: string) =>
    factories.set(module, (factories.get(module) ?? new Set()).add(name))
  add(`${names.model}Factory`, `#database/factories/${names.file}_factory`)
  if (!inProject(resource)) add('UserFactory', '#database/factories/user_factory')
  for (const field of resource.relations) {
    const factory = targetOf(resource, field).factory
    if (factory) add(factory.name, factory.module)
  }
  return [...factories].map(([module, named]) => ({ module, names: [...named].sort().join(', ') }))
}

/** `tests/api.stub`: the calls of each operation, their refusals and the abilities. */
export function apiTestState(resource: Resource) {
  const { fields } = resource
  const project = inProject(resource)
  const scope = scopeColumn(resource)
  const writer = project ? 'users.editor' : 'user'
  const changed = changedField(fields)
  const plain = !['date', 'datetime'].includes(changed.type)
  const required = fields.filter((field) => !field.nullable && field.type !== 'boolean')
  return {
    ability: apiAbilities(resource),
    url: project
      ? `/api/v1/projects/\${project.id}/${resource.names.plural}`
      : `/api/v1/${resource.names.plural}`,
    setup: project
      ? 'const { project, users } = await projectWithCast()'
      : 'const user = await UserFactory.create()',
    setupWithOutsider: project
      ? 'const { project, users } = await projectWithCast()'
      : 'const [user, stranger] = await UserFactory.createMany(2)',
    writer,
    reader: project ? 'users.viewer' : 'user',
    outsider: project ? 'users.nonMember' : 'stranger',
    scope: `${scope.property}: ${project ? 'project.id' : 'user.id'}`,
    factories: apiFactories(resource),
    relations: relationSetup(resource, [0]),
    scopeWhere: `'${scope.column}', ${project ? 'project.id' : 'user.id'}`,
    sorts: apiSorts(resource)
      .map((sort) => `'${sort.name}'`)
      .join(', '),
    body: sampleBody(fields, 0),
    created: sampleAssertions(fields, 0, 'row', writer),
    changed: {
      property: changed.property,
      start: plain ? `, ${changed.property}: ${sampleValue(changed, 0).sent}` : '',
      body: `{ ${changed.property}: ${sampleValue(changed, 1).sent} }`,
      assertions: sampleAssertions([changed], 1, 'row', writer),
    },
    required: required.map((field) => `'${field.property}'`).join(', '),
    invalid: `{ ${required.map((field) => `${field.property}: ${field.type === 'string' ? "''" : 'null'}`).join(', ')} }`,
  }
}
