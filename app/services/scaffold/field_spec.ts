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
  /** The column, snake_case (`issued_on`; `project_id` for a belongs_to). */
  column: string
  /** The model property, camelCase (`issuedOn`; `projectId` for a belongs_to). */
  property: string
  /** The name as typed, snake_case (`project` for `project:belongs_to`). */
  name: string
  type: FieldType
  nullable: boolean
  unique: boolean
  /** The values of an enum, in order. */
  values: string[]
}

/** Names the generator writes itself or that Lucid and the pages already use. */
export const RESERVED_FIELD_NAMES = [
  'id',
  'created_at',
  'updated_at',
  'project_id',
  'page',
  'q',
  'constructor',
  'prototype',
]

/** A field spec that cannot be turned into a column: the message names the spec and the fix. */
export class FieldSpecError extends Error {
  code = 'E_BAD_FIELD_SPEC'
}

const NAME = /^[a-z][a-z0-9_]*$/
const ENUM_VALUE = /^[a-z][a-z0-9_]*$/
const UNIQUE_TYPES: FieldType[] = ['string', 'integer']

/**
 * Parses one `name:type[?][!]` spec. `?` (or `:nullable`) makes the column nullable, `!` (or
 * `:unique`) unique; enums list their values in parentheses: `status:enum(draft,sent,paid)`.
 */
export function parseFieldSpec(spec: string): FieldSpec {
  const parts = spec.trim().split(':')
  const [rawName, rawType = '', ...modifiers] = parts
  if (!rawType) {
    throw new FieldSpecError(`The field "${spec}" has no type: write it as name:type (string, ...)`)
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
      throw new FieldSpecError(
        `Unknown modifier "${modifier}" in "${spec}": use :nullable (or ?) and :unique (or !)`
      )
    }
  }

  const name = rawName.trim()
  if (!NAME.test(name)) {
    throw new FieldSpecError(
      `Bad field name "${name}" in "${spec}": use snake_case letters, digits and _, starting with a letter`
    )
  }

  const enumMatch = /^enum\((.*)\)$/.exec(typeText)
  const type = (enumMatch ? 'enum' : typeText) as FieldType
  if (!FIELD_TYPES.includes(type)) {
    throw new FieldSpecError(
      `Unknown type "${typeText}" in "${spec}": use one of ${FIELD_TYPES.join(', ')}`
    )
  }
  if (type === 'enum' && !enumMatch) {
    throw new FieldSpecError(`The enum "${spec}" has no values: write ${name}:enum(a,b,c)`)
  }

  const values = enumMatch ? enumMatch[1].split(',').map((value) => value.trim()) : []
  if (type === 'enum') {
    if (values.length === 0 || values.some((value) => value === '')) {
      throw new FieldSpecError(`The enum "${spec}" has an empty value: write ${name}:enum(a,b,c)`)
    }
    const bad = values.find((value) => !ENUM_VALUE.test(value))
    if (bad) {
      throw new FieldSpecError(`Bad enum value "${bad}" in "${spec}": use snake_case words`)
    }
    if (new Set(values).size !== values.length) {
      throw new FieldSpecError(`The enum "${spec}" repeats a value`)
    }
  }

  if (type === 'belongs_to') {
    if (name !== 'project') {
      throw new FieldSpecError(
        `"${spec}": only project:belongs_to is supported (the resource becomes a child of projects)`
      )
    }
    if (nullable || unique) {
      throw new FieldSpecError(`"${spec}": a belongs_to field takes no modifiers`)
    }
    return { name, column: 'project_id', property: 'projectId', type, nullable, unique, values }
  }

  if (RESERVED_FIELD_NAMES.includes(name)) {
    throw new FieldSpecError(`The field name "${name}" is reserved: pick another name`)
  }
  if (unique && !UNIQUE_TYPES.includes(type)) {
    throw new FieldSpecError(`"${spec}": unique is supported on string and integer fields only`)
  }

  return { name, column: name, property: string.camelCase(name), type, nullable, unique, values }
}

/** Parses every spec and checks them together: at least one field, no name twice. */
export function parseFieldSpecs(specs: string[]): FieldSpec[] {
  const fields = specs.map(parseFieldSpec)
  const seen = new Set<string>()
  for (const field of fields) {
    if (seen.has(field.property)) {
      throw new FieldSpecError(`The field "${field.name}" is given twice`)
    }
    seen.add(field.property)
  }
  if (!fields.some((field) => field.type !== 'belongs_to')) {
    throw new FieldSpecError('Give at least one field besides belongs_to (name:string, ...)')
  }
  return fields
}
