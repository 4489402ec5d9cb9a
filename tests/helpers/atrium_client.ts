import { createAtriumClient } from '../../openapi/client/index.js'
import { assertApiContract } from '#tests/helpers/api_contract'
import { testServerUrl } from '#tests/helpers/test_server'

/**
 * The generated client (openapi/client) pointed at the test server with an access token. Each
 * response is checked against the OpenAPI document, as the api client's are.
 */
export function atriumClient(token: string) {
  const client = createAtriumClient({
    baseUrl: testServerUrl(''),
    headers: { Authorization: `Bearer ${token}` },
  })
  client.use({
    async onResponse({ request, response }) {
      assertApiContract({
        method: request.method,
        url: request.url,
        status: response.status,
        contentType: response.headers.get('content-type'),
        text: await response.clone().text(),
      })
    },
  })
  return client
}
