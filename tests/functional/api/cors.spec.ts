import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { apiCorsOrigins } from '#config/cors'
import { projectWithCast } from '#tests/helpers/projects'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'

const ALLOWED = 'https://app.example.com'
const OTHER = 'https://evil.example.net'

/** The CORS headers of an answer, lowercased names, absent ones left out. */
function corsHeaders(response: { headers(): Record<string, unknown> }) {
  return Object.fromEntries(
    Object.entries(response.headers()).filter(([name]) => name.startsWith('access-control-'))
  )
}

test.group('API | CORS', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())
  group.each.setup(() => {
    const configured = apiCorsOrigins.allowed
    apiCorsOrigins.allowed = []
    return () => {
      apiCorsOrigins.allowed = configured
    }
  })

  test('sends no CORS header while no origin is configured', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/tasks`

    const read = await client.get(path).bearerToken(token).header('Origin', ALLOWED)
    const preflight = await client
      .request(path, 'OPTIONS')
      .header('Origin', ALLOWED)
      .header('Access-Control-Request-Method', 'GET')
      .header('Access-Control-Request-Headers', 'authorization')

    read.assertStatus(200)
    assert.deepEqual(corsHeaders(read), {})
    assert.deepEqual(corsHeaders(preflight), {})
  })

  test('lets an allowed origin read answers and the headers of the protocol, without credentials', async ({
    client,
    assert,
  }) => {
    apiCorsOrigins.allowed = [ALLOWED]
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks`

    const created = await client
      .post(path)
      .json({ title: 'From another origin', status: 'todo', priority: 1 })
      .bearerToken(token)
      .header('Origin', ALLOWED)
      .header('Idempotency-Key', 'cors-1')

    created.assertStatus(201)
    assert.deepEqual(corsHeaders(created), {
      'access-control-allow-origin': ALLOWED,
      'access-control-expose-headers':
        'etag,location,ratelimit-limit,ratelimit-remaining,ratelimit-reset,retry-after,idempotent-replayed',
    })
    assert.include(String(created.header('vary')), 'Origin')
  })

  test('keeps the CORS headers on a refusal, so the app can read the problem', async ({
    client,
    assert,
  }) => {
    apiCorsOrigins.allowed = [ALLOWED]
    const { project } = await projectWithCast()

    const refused = await client
      .get(`/api/v1/projects/${project.id}/tasks`)
      .header('Origin', ALLOWED)

    refused.assertStatus(401)
    assert.equal(refused.header('access-control-allow-origin'), ALLOWED)
    assert.equal(refused.header('content-type'), 'application/problem+json; charset=utf-8')
  })

  test('answers the preflight of an allowed origin with the methods and headers of the API', async ({
    client,
    assert,
  }) => {
    apiCorsOrigins.allowed = ['http://localhost:5173', ALLOWED]
    const { project, task } = await projectWithCast()

    // As browsers write the list, and with spaces and capitals, as some other clients do.
    for (const requested of [
      'authorization,content-type,if-match',
      'Authorization, Content-Type, If-Match',
    ]) {
      const preflight = await client
        .request(`/api/v1/projects/${project.id}/tasks/${task.id}`, 'OPTIONS')
        .header('Origin', ALLOWED)
        .header('Access-Control-Request-Method', 'PATCH')
        .header('Access-Control-Request-Headers', requested)

      preflight.assertStatus(204)
      assert.deepEqual(corsHeaders(preflight), {
        'access-control-allow-origin': ALLOWED,
        'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE',
        'access-control-allow-headers':
          'authorization,content-type,if-match,if-none-match,idempotency-key',
        'access-control-expose-headers':
          'etag,location,ratelimit-limit,ratelimit-remaining,ratelimit-reset,retry-after,idempotent-replayed',
        'access-control-max-age': '600',
      })
    }
  })

  test('gives another origin nothing, answered or preflighted', async ({ client, assert }) => {
    apiCorsOrigins.allowed = [ALLOWED]
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/tasks`

    const read = await client.get(path).bearerToken(token).header('Origin', OTHER)
    const lookalike = await client.get(path).bearerToken(token).header('Origin', `${ALLOWED}.evil`)
    const preflight = await client
      .request(path, 'OPTIONS')
      .header('Origin', OTHER)
      .header('Access-Control-Request-Method', 'POST')
      .header('Access-Control-Request-Headers', 'authorization,content-type')

    read.assertStatus(200)
    assert.deepEqual(corsHeaders(read), {})
    assert.deepEqual(corsHeaders(lookalike), {})
    assert.deepEqual(corsHeaders(preflight), {})
  })

  test('refuses a preflight that asks for a header the API does not read', async ({
    client,
    assert,
  }) => {
    apiCorsOrigins.allowed = [ALLOWED]
    const { project } = await projectWithCast()

    const preflight = await client
      .request(`/api/v1/projects/${project.id}/tasks`, 'OPTIONS')
      .header('Origin', ALLOWED)
      .header('Access-Control-Request-Method', 'POST')
      .header('Access-Control-Request-Headers', 'authorization,x-xsrf-token')

    assert.deepEqual(corsHeaders(preflight), {})
  })

  test('never sends CORS headers on the pages, even to an allowed origin', async ({
    client,
    assert,
  }) => {
    apiCorsOrigins.allowed = [ALLOWED]
    const { project, users } = await projectWithCast()

    const login = await client.get('/login').header('Origin', ALLOWED)
    const page = await client
      .get(`/projects/${project.id}/tasks`)
      .loginAs(users.viewer)
      .header('Origin', ALLOWED)
    const preflight = await client
      .request('/login', 'OPTIONS')
      .header('Origin', ALLOWED)
      .header('Access-Control-Request-Method', 'POST')

    login.assertStatus(200)
    page.assertStatus(200)
    for (const response of [login, page, preflight]) {
      assert.deepEqual(corsHeaders(response), {})
    }
  })
})
