import openapiTS, { astToString } from 'openapi-typescript'
import type { OpenApiDocument } from '#api/openapi/build_document'
import { stableJson } from '#api/openapi/stable_json'

/** The command that writes the generated files, named in every message about them. */
export const GENERATE_COMMAND = 'node ace api:openapi'

/** Where the document and its client live, from the app root. */
export const OPENAPI_FILES = {
  document: 'openapi/v1.json',
  schema: 'openapi/client/schema.ts',
  client: 'openapi/client/index.ts',
} as const

const HEADER = `// Generated from openapi/v1.json by \`${GENERATE_COMMAND}\`: do not edit.\n`

/** The client module: openapi-fetch typed by the generated `paths`. */
const CLIENT_SOURCE = `${HEADER}import createClient, { type ClientOptions } from 'openapi-fetch'
import type { paths } from './schema.js'

export type { paths, components, operations } from './schema.js'

/**
 * A typed client of the Atrium API. Give it the app's origin as \`baseUrl\` and, outside the
 * browser, an access token: \`createAtriumClient({ baseUrl, headers: { Authorization: 'Bearer ...' } })\`.
 */
export function createAtriumClient(options: ClientOptions = {}) {
  return createClient<paths>(options)
}
`

/**
 * Every generated file's text, by path from the app root: the document (sorted JSON), the
 * client's types (openapi-typescript) and the client (openapi-fetch).
 */
export async function generatedFiles(document: OpenApiDocument): Promise<Map<string, string>> {
  const types = astToString(await openapiTS(document as never, { alphabetize: true }))
  return new Map([
    [OPENAPI_FILES.document, stableJson(document)],
    [OPENAPI_FILES.schema, `${HEADER}${types}`],
    [OPENAPI_FILES.client, CLIENT_SOURCE],
  ])
}
