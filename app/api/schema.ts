import type { Static, TSchema } from 'typebox'

/** A response schema: TypeBox's JSON Schema, with the static type its serializer must return. */
export type OutputSchema<Schema extends TSchema> = {
  schema: Schema
  toJSONSchema(): Record<string, unknown>
}

/** The type of the objects an output schema describes. */
export type OutputOf<Output> = Output extends OutputSchema<infer Schema> ? Static<Schema> : never

/**
 * Wraps a TypeBox schema as what a route answers in `data`, for the OpenAPI document and the
 * contract tests. Serializers are typed by it (`OutputOf<typeof taskOutput>`), so the document
 * and the code cannot say different things.
 */
export function outputSchema<Schema extends TSchema>(schema: Schema): OutputSchema<Schema> {
  return {
    schema,
    toJSONSchema: () => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>,
  }
}
