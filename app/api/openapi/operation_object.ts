import type { ApiOperation } from '#api/operations'
import { ref } from '#api/openapi/components'
import { requestSchema } from '#api/openapi/request_schema'
import { operationResponses } from '#api/openapi/responses'
import { type PathParameter, pathParameters } from '#api/openapi/route_paths'

type JsonSchema = Record<string, unknown>

/** The query string's parameters, one per property of the query validator's object schema. */
function queryParameters(operation: ApiOperation) {
  if (!operation.query) return []
  const schema = requestSchema(operation.query)
  const required = (schema.required as string[] | undefined) ?? []
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {}
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: property,
  }))
}

/** The header parameters of a conditional or idempotent operation. */
function headerParameters(operation: ApiOperation) {
  const headers = []
  if (operation.conditional === 'etag') headers.push(ref('parameters', 'IfNoneMatch'))
  if (operation.conditional === 'if-match') headers.push(ref('parameters', 'IfMatch'))
  if (operation.idempotent) headers.push(ref('parameters', 'IdempotencyKey'))
  return headers
}

/**
 * The description: who may call it, said in words (the ability is also in `x-ability`), then the
 * operation's own notes.
 */
function describe(operation: ApiOperation): string {
  const who = operation.anonymous
    ? 'Open to anyone: no token or session needed.'
    : !operation.ability
      ? 'Any signed-in caller (a token with any ability, or a session).'
      : `Needs the ability \`${operation.ability}\` (a token granted it, or a session user allowed it).`
  return operation.notes ? `${who}\n\n${operation.notes}` : who
}

/** The OpenAPI operation object of one route and its description. */
export function operationObject(operation: ApiOperation, pattern: string) {
  const parameters: (PathParameter | JsonSchema)[] = [
    ...pathParameters(pattern),
    ...queryParameters(operation),
    ...headerParameters(operation),
  ]
  const object: JsonSchema = {
    'operationId': operation.route,
    'summary': operation.summary,
    'description': describe(operation),
    'tags': [operation.tag],
    'x-ability': operation.ability,
    'responses': operationResponses(operation),
  }
  if (parameters.length > 0) object.parameters = parameters
  if (operation.body) {
    object.requestBody = {
      required: true,
      content: { 'application/json': { schema: requestSchema(operation.body) } },
    }
  }
  if (operation.anonymous) object.security = []
  return object
}
