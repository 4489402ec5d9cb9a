import string from '@adonisjs/core/helpers/string'

/** The column types `make:resource` understands. */
export const FIELD_TYPES = [
  'string',
  'text',
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'enum',
  'belongs_to',
] as const

/** One of {@link FIELD_TYPES}. */
export type FieldType = (typeof FIELD_TYPES)[number]

/** One field of a resource, as parsed from `name:type[?][!]`. */
export type FieldSpec = {
  /** The column, snake_case (`issued_on`; `customer_id` for a belongs_to). */
  column: string
  /** The model property, camelCase (`issuedOn`; `customerId` for a belongs_to). */
  property: string
  /** The name as typed, snake_case (`customer` for `customer:belongs_to`). */
  name: string
  type: FieldType
  nullable: boolean
  unique: boolean
  /** The values of an enum, in order. */
  values: string[]
  /** A belongs_to's related model and relation property (`Customer`, `customer`); else null. */
  relation: { model: string; property: string } | null
}

/**
 * Whom a resource belongs to: a project (`project:belongs_to`, the project's membership rules) or
 * the user who created it (each user keeps their own).
 */
export type ResourceScope = 'project' | 'owner'

/** Names the generator writes itself or that Lucid and the pages already use. */
export const RESERVED_FIELD_NAMES = [
  'id',
  'created_at',
  'updated_at',
  'version',
  'project_id',
  'owner',
  'owner_id',
  'page',
  'q',
  'constructor',
  'prototype',
]

/** A field spec that cannot be turned into a column: the message names the spec and the fix. */
export class FieldSpecException extends Error {
  code = 'E_BAD_FIELD_SPEC'
}

const NAME = /^[a-z][a-z0-9_]*$/
const ENUM_VALUE = /^[a-z][a-z0-9_]*$/
const MODEL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/
const UNIQUE_TYPES: FieldType[] = ['string', 'integer']

/**
 * Parses one `name:type[?][!]` spec. `?` (or `:nullable`) makes the column nullable, `!` (or
 * `:unique`) unique; enums list their values in parentheses: `status:enum(draft,sent,paid)`;
 * a belongs_to names its model when the field's name does not: `reviewer:belongs_to(user)?`.
 */
export function parseFieldSpec(spec: string): FieldSpec {
  const parts = spec.trim().split(':')
  const [rawName, rawType = '', ...modifiers] = parts
  if (!rawType) {
    throw new FieldSpecException(
      `The field "${spec}" has no type: write it as name:type (string, ...)`
    )
  }

  let typeText = rawType
  let nullable = false
  let unique = false
  for (;;) {
    if (typeText.endsWith('?')) nullable = true
    else if (typeText.endsWith('!')) unique = true
    else break
    typeText = typeText.slice(0, -1)
  }
  for (const modifier of modifiers) {
    if (modifier === 'nullable') nullable = true
    else if (modifier === 'unique') unique = true
    else {
      throw new FieldSpecException(
        `Unknown modifier "${modifier}" in "${spec}": use :nullable (or ?) and :unique (or !)`
      )
    }
  }

  const name = rawName.trim()
  if (!NAME.test(name)) {
    throw new FieldSpecException(
      `Bad field name "${name}" in "${spec}": use snake_case letters, digits and _, starting with a letter`
    )
  }

  const argument = /^(\w+)\((.*)\)$/.exec(typeText)
  const type = (argument ? argument[1] : typeText) as FieldType
  if (!FIELD_TYPES.includes(type)) {
    throw new FieldSpecException(
      `Unknown type "${typeText}" in "${spec}": use one of ${FIELD_TYPES.join(', ')}`
    )
  }
  if (argument && type !== 'enum' && type !== 'belongs_to') {
    throw new FieldSpecException(`The type ${type} takes no argument in "${spec}"`)
  }
  if (type === 'belongs_to') return parseBelongsTo(spec, name, argument?.[2], nullable, unique)
  if (RESERVED_FIELD_NAMES.includes(name)) {
    throw new FieldSpecException(`The field name "${name}" is reserved: pick another name`)
  }
  if (unique && !UNIQUE_TYPES.includes(type)) {
    throw new FieldSpecException(`"${spec}": unique is supported on string and integer fields only`)
  }

  const values = type === 'enum' ? parseEnumValues(spec, name, argument?.[2]) : []
  const property = string.camelCase(name)
  return { name, column: name, property, type, nullable, unique, values, relation: null }
}

function parseEnumValues(spec: string, name: string, list: string | undefined): string[] {
  if (list === undefined) {
    throw new FieldSpecException(`The enum "${spec}" has no values: write ${name}:enum(a,b,c)`)
  }
  const values = list.split(',').map((value) => value.trim())
  if (values.some((value) => value === '')) {
    throw new FieldSpecException(`The enum "${spec}" has an empty value: write ${name}:enum(a,b,c)`)
  }
  const bad = values.find((value) => !ENUM_VALUE.test(value))
  if (bad) {
    throw new FieldSpecException(`Bad enum value "${bad}" in "${spec}": use snake_case words`)
  }
  if (new Set(values).size !== values.length) {
    throw new FieldSpecException(`The enum "${spec}" repeats a value`)
  }
  return values
}

function parseBelongsTo(
  spec: string,
  name: string,
  modelArgument: string | undefined,
  nullable: boolean,
  unique: boolean
): FieldSpec {
  const modelText = (modelArgument ?? name).trim()
  if (!MODEL_NAME.test(modelText)) {
    throw new FieldSpecException(
      `Bad model name "${modelText}" in "${spec}": write name:belongs_to(Model)`
    )
  }
  const model = string.pascalCase(modelText)
  if (unique) throw new FieldSpecException(`"${spec}": a belongs_to field cannot be unique`)
  if (name === 'project' || model === 'Project') {
    if (name !== 'project' || nullable) {
      throw new FieldSpecException(
        `"${spec}": a resource belongs to a project as project:belongs_to, with no modifiers`
      )
    }
    return {
      name,
      column: 'project_id',
      property: 'projectId',
      type: 'belongs_to',
      nullable: false,
      unique: false,
      values: [],
      relation: { model, property: 'project' },
    }
  }
  if (RESERVED_FIELD_NAMES.includes(name)) {
    throw new FieldSpecException(`The field name "${name}" is reserved: pick another name`)
  }
  return {
    name,
    column: `${name}_id`,
    property: string.camelCase(`${name}_id`),
    type: 'belongs_to',
    nullable,
    unique: false,
    values: [],
    relation: { model, property: string.camelCase(name) },
  }
}

/** Whether a field is the parent project of a project's resource. */
export function isProjectField(field: FieldSpec): boolean {
  return field.type === 'belongs_to' && field.column === 'project_id'
}

/** Every spec parsed: the scope and fields, and every problem found (empty when all is well). */
export type ParsedFieldSpecs = { scope: ResourceScope; fields: FieldSpec[]; problems: string[] }

/**
 * Parses every spec and checks them together, collecting every problem rather than stopping at
 * the first: each bad spec, a name given twice, no field of its own. The scope is a project's
 * resource when `project:belongs_to` is among them, else the creating user's; the fields are
 * those that parse, besides the project.
 */
export function checkFieldSpecs(specs: string[]): ParsedFieldSpecs {
  const problems: string[] = []
  const parsed: FieldSpec[] = []
  for (const spec of specs) {
    try {
      parsed.push(parseFieldSpec(spec))
    } catch (error) {
      if (!(error instanceof FieldSpecException)) throw error
      problems.push(error.message)
    }
  }
  const seen = new Set<string>()
  for (const field of parsed) {
    if (seen.has(field.property)) problems.push(`The field "${field.name}" is given twice`)
    seen.add(field.property)
  }
  const fields = parsed.filter((field) => !isProjectField(field))
  if (problems.length === 0 && !fields.some((field) => field.type !== 'belongs_to')) {
    problems.push('Give at least one field that is not a belongs_to (name:string, ...)')
  }
  return { scope: fields.length < parsed.length ? 'project' : 'owner', fields, problems }
}

/**
 * Parses every spec and checks them together (see {@link checkFieldSpecs}); throws a
 * {@link FieldSpecException} with the first problem.
 */
export function parseFieldSpecs(specs: string[]): { scope: ResourceScope; fields: FieldSpec[] } {
  const { scope, fields, problems } = checkFieldSpecs(specs)
  if (problems.length > 0) throw new FieldSpecException(problems[0])
  return { scope, fields }
}
