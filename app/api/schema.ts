import type { Static, TSchema } from 'typebox'
import type { JSONSchema7 } from 'json-schema'
import type { Describable } from '#api/operations'

/** A response schema the API documents: the TypeBox schema and its JSON Schema. */
export type OutputSchema<Schema extends TSchema> = Describable & {
  schema: Schema
  /** The type of a value the schema describes, for the controller's `satisfies`. */
  readonly type?: Static<Schema>
}

/**
 * Wraps a TypeBox schema of what a response holds (its `data`) so the OpenAPI document can read
 * it beside the validators: `toJSONSchema()` gives a plain copy of the JSON Schema it already is.
 */
export function outputSchema<Schema extends TSchema>(schema: Schema): OutputSchema<Schema> {
  return {
    schema,
    toJSONSchema: () => JSON.parse(JSON.stringify(schema)) as JSONSchema7,
  }
}

/** The type of the objects an output schema describes: what its serializer must return. */
export type OutputOf<Output> = Output extends OutputSchema<infer Schema> ? Static<Schema> : never
