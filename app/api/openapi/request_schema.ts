import type { Describable } from '#api/operations'

type JsonSchema = Record<string, unknown>

/** A node of a VineJS validator's compiled tree (`validator.toJSON().schema`), as far as read here. */
type CompiledNode = {
  type?: string
  subtype?: string
  allowNull?: boolean
  isOptional?: boolean
  schema?: CompiledNode
  properties?: CompiledNode[]
  propertyName?: string
  each?: CompiledNode
  conditions?: { schema: CompiledNode }[]
}

/** Whether a field may be left out: optional, or a union with an optional branch. */
function isOptional(node: CompiledNode): boolean {
  if (node.type === 'union') {
    return (node.conditions ?? []).some((condition) => condition.schema.subtype === 'optional')
  }
  return node.isOptional !== false
}

/** The values VineJS's `boolean()` accepts, which its JSON Schema lists as an enum. */
const VINE_BOOLEAN_VALUES = ['1', 1, 'true', true, 'on', '0', 0, 'false', false]

/** Whether a schema is VineJS's boolean enum (the request sends a plain boolean). */
function isVineBoolean(schema: JsonSchema): boolean {
  const values = schema.enum
  return (
    Array.isArray(values) &&
    values.length === VINE_BOOLEAN_VALUES.length &&
    VINE_BOOLEAN_VALUES.every((value) => values.includes(value))
  )
}

/** `schema` with `null` allowed beside its type when `allowNull` says so. */
function withNull(schema: JsonSchema, allowNull: boolean | undefined): JsonSchema {
  if (!allowNull) return schema
  const type = schema.type
  if (typeof type === 'string') return { ...schema, type: [type, 'null'] }
  return schema
}

/**
 * One schema node with VineJS's quirks fixed, walking the compiled tree beside it: a date is a
 * string (VineJS gives `{}`, and `{ type: 'null' }` once nullable), a boolean is a boolean, a
 * nullable field that is not optional is required (VineJS leaves it out of `required`), and an
 * optional union is not required and loses the empty `{}` branch VineJS gives its optionality.
 */
function fixNode(schema: JsonSchema, node: CompiledNode | undefined): JsonSchema {
  if (!node) return schema
  if (node.subtype === 'date') return withNull({ type: 'string' }, node.allowNull)
  if (node.subtype === 'boolean' || isVineBoolean(schema)) {
    return withNull({ type: 'boolean' }, node.allowNull)
  }
  if (node.type === 'object' && schema.properties) {
    const properties: Record<string, JsonSchema> = {}
    for (const [name, property] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      const child = node.properties?.find((candidate) => candidate.propertyName === name)
      properties[name] = fixNode(property, child)
    }
    const required = Object.keys(properties).filter((name) =>
      node.properties?.some((child) => child.propertyName === name && !isOptional(child))
    )
    const fixed: JsonSchema = { ...schema, properties, required }
    if (required.length === 0) delete fixed.required
    return fixed
  }
  if (node.type === 'union' && Array.isArray(schema.anyOf)) {
    const branches = (schema.anyOf as JsonSchema[])
      .map((branch, index) => ({ branch, child: node.conditions?.[index]?.schema }))
      .filter(({ child }) => child?.subtype !== 'optional')
      .map(({ branch, child }) => fixNode(branch, child))
    return { ...schema, anyOf: branches }
  }
  if (node.type === 'array' && schema.items) {
    return { ...schema, items: fixNode(schema.items as JsonSchema, node.each) }
  }
  return schema
}

/** The root of a validator's compiled tree, when it has one (a VineJS validator does). */
function compiledRoot(describable: Describable): CompiledNode | undefined {
  const withTree = describable as { toJSON?: () => { schema?: CompiledNode } }
  if (typeof withTree.toJSON !== 'function') return undefined
  const root = withTree.toJSON().schema
  return root?.type === 'root' ? root.schema : root
}

/**
 * The JSON Schema of what a request sends, from its VineJS validator: `toJSONSchema()` with the
 * quirks of VineJS 4 fixed (dates, booleans, required nullable fields, optional unions).
 */
export function requestSchema(describable: Describable): JsonSchema {
  return fixNode(describable.toJSONSchema() as JsonSchema, compiledRoot(describable))
}
