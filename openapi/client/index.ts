// Generated from openapi/v1.json by `node ace api:openapi`: do not edit.
import createClient, { type ClientOptions } from 'openapi-fetch'
import type { paths } from './schema.js'

export type { paths, components, operations } from './schema.js'

/**
 * A typed client of the Atrium API. Give it the app's origin as `baseUrl` and, outside the
 * browser, an access token: `createAtriumClient({ baseUrl, headers: { Authorization: 'Bearer ...' } })`.
 */
export function createAtriumClient(options: ClientOptions = {}) {
  return createClient<paths>(options)
}
