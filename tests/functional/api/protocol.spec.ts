import { test } from '@japa/runner'
import Task from '#models/task'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import apiConfig from '#config/api'
import { projectWithCast } from '#tests/helpers/projects'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'

const PROBLEM = 'application/problem+json; charset=utf-8'

test.group('API | protocol', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('answers 401 with a Bearer challenge without a token, or with an unknown one', async ({
    client,
    assert,
  }) => {
    const { project } = await projectWithCast()
    const path = `/api/v1/projects/${project.id}/tasks`

    const none = await client.get(path)
    const forged = await client.get(path).bearerToken('atr_MQ.forged')

    none.assertStatus(401)
    assert.equal(none.header('www-authenticate'), 'Bearer realm="api"')
    assert.equal(none.header('content-type'), PROBLEM)
    assert.containSubset(none.body(), { type: 'about:blank', title: 'Unauthorized', status: 401 })
    forged.assertStatus(401)
    assert.equal(forged.header('www-authenticate'), 'Bearer realm="api", error="invalid_token"')
  })

  test('serves a bearer call without a session: no cookie is read or set', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)

    const response = await client
      .get(`/api/v1/projects/${project.id}/tasks`)
      .bearerToken(token)
      .withCookie('atrium-session', 'not-a-session')

    response.assertStatus(200)
    assert.isUndefined(response.header('set-cookie'))
  })

  test('accepts the pages own session with its CSRF token, and refuses a write without it', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const path = `/api/v1/projects/${project.id}/tasks`
    const body = { title: 'From the page', status: 'todo', priority: 1 }

    const read = await client.get(path).loginAs(users.viewer)
    const write = await client.post(path).json(body).withCsrfToken().loginAs(users.editor)
    const forged = await client
      .post(path)
      .json({ ...body, title: 'Forged' })
      .loginAs(users.editor)

    read.assertStatus(200)
    write.assertStatus(201)
    forged.assertStatus(403)
    assert.equal(forged.header('content-type'), PROBLEM)
    assert.lengthOf(await Task.query().where('title', 'Forged'), 0)
  })

  test('answers 405 with Allow for a known path, 404 for an unknown one, never HTML', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const token = await bearerTokenOf(users.owner)

    const wrongMethod = await client
      .delete(`/api/v1/projects/${project.id}/tasks/${task.id}`)
      .bearerToken(token)
    const unknown = await client.get('/api/v1/nothing/here').bearerToken(token)

    wrongMethod.assertStatus(405)
    assert.equal(wrongMethod.header('allow'), 'GET, HEAD, PATCH')
    assert.equal(wrongMethod.header('content-type'), PROBLEM)
    unknown.assertStatus(404)
    assert.equal(unknown.header('content-type'), PROBLEM)
    assert.isNotNull(await Task.find(task.id))
  })

  test('refuses a body that is not JSON (415), malformed (400) or too large (413)', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks`

    const form = await client
      .post(path)
      .form({ title: 'Form', status: 'todo', priority: 1 })
      .bearerToken(token)
    const malformed = await client
      .post(path)
      .header('Content-Type', 'application/json')
      .bearerToken(token)
      .json('{"title": ' as unknown as object)
    const huge = await client
      .post(path)
      .json({ title: 'x'.repeat(1_100_000), status: 'todo', priority: 1 })
      .bearerToken(token)

    form.assertStatus(415)
    malformed.assertStatus(400)
    huge.assertStatus(413)
    for (const response of [form, malformed, huge]) {
      assert.equal(response.header('content-type'), PROBLEM)
    }
    assert.equal(
      await Task.query()
        .where('project_id', project.id)
        .count('* as n')
        .then((r) => Number(r[0].$extras.n)),
      1
    )
  })

  test('counts calls per token with RateLimit headers, then answers 429 with Retry-After', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const path = `/api/v1/projects/${project.id}/tasks`
    const limit = apiConfig.rateLimits.authenticated.requests
    const token = await bearerTokenOf(users.viewer)

    const first = await client.get(path).bearerToken(token)
    assert.equal(first.header('ratelimit-limit'), String(limit))
    assert.equal(first.header('ratelimit-remaining'), String(limit - 1))
    const { default: limiter } = await import('@adonisjs/limiter/services/main')
    const [stored] = await User.accessTokens.all(users.viewer)
    const identifier = String(stored.identifier)
    await limiter
      .use({ requests: limit, duration: apiConfig.rateLimits.authenticated.duration })
      .set(`api:token:${identifier}`, limit, apiConfig.rateLimits.authenticated.duration)

    const other = await bearerTokenOf(users.viewer)
    const over = await client.get(path).bearerToken(token)
    const another = await client.get(path).bearerToken(other)

    over.assertStatus(429)
    assert.equal(over.header('content-type'), PROBLEM)
    assert.isAbove(Number(over.header('retry-after')), 0)
    assert.equal(over.header('ratelimit-remaining'), '0')
    another.assertStatus(200)
  })

  test('answers a server failure as a 500 problem that shows no internals', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    await db.rawQuery('drop table task_labels')

    const response = await client.get(`/api/v1/projects/${project.id}/tasks`).bearerToken(token)

    response.assertStatus(500)
    assert.deepEqual(response.body(), {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server failed.',
    })
  })
})
