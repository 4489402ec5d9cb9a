import type { Describable } from '#api/operations'

type JsonSchema = Record<string, unknown>

/**
 * `schema` in the JSON Schema 2020-12 dialect OpenAPI 3.1 uses: a tuple that TypeBox writes in
 * the draft-07 form (`items: [...]`, `additionalItems: false`) becomes `prefixItems` with
 * `items: false`. Everything else is kept as it is.
 */
export function toDialect2020(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toDialect2020(item))
  if (schema === null || typeof schema !== 'object') return schema
  const converted: JsonSchema = {}
  for (const [key, value] of Object.entries(schema)) converted[key] = toDialect2020(value)
  if (Array.isArray(converted.items)) {
    converted.prefixItems = converted.items
    converted.items = converted.additionalItems === false ? false : {}
    delete converted.additionalItems
  }
  return converted
}

/** The JSON Schema of what a response holds, from its output schema (TypeBox, via outputSchema). */
export function responseSchema(describable: Describable): JsonSchema {
  return toDialect2020(describable.toJSONSchema()) as JsonSchema
}
