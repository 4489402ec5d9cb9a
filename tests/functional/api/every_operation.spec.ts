import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import apiConfig from '#config/api'
import { MAX_ID } from '#validators/rules/numbers'
import { apiDocument } from '#api/openapi/api_document'
import { appModels } from '#introspection/app_models'
import string from '@adonisjs/core/helpers/string'
import { CommentFactory, TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'

/*
| The statuses every operation of the OpenAPI document shares (no token, a token without the
| ability, a spent budget, a malformed or non-JSON body, a held Idempotency-Key, a current ETag...), produced for each operation the
| document lists, so that a new operation is covered the moment it is described.
*/

type Call = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete'
  path: string
  statuses: string[]
  secured: boolean
  ability: string | null
  hasBody: boolean
  bodyFields: string[]
  idempotent: boolean
}

/** Every operation of the document, as what a generic call needs. */
function documentedCalls(): Call[] {
  return Object.entries(apiDocument().paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const body = operation.requestBody as
        { content: Record<string, { schema: { properties?: object } }> } | undefined
      return {
        method: method as Call['method'],
        path,
        statuses: Object.keys(operation.responses as object),
        secured: !Array.isArray(operation.security),
        ability: operation['x-ability'] as string | null,
        hasBody: Boolean(body),
        bodyFields: Object.keys(body?.content['application/json'].schema.properties ?? {}),
        idempotent: JSON.stringify(operation.parameters ?? []).includes('IdempotencyKey'),
      }
    })
  )
}

/** The rows a call's path parameters name: a project with a task, a label and a comment. */
async function rows() {
  const { project, label, users } = await projectWithCast()
  const task = await TaskFactory.merge({ projectId: project.id }).create()
  const comment = await CommentFactory.merge({ taskId: task.id, authorId: users.owner.id }).create()
  const ids: Record<string, number> = {
    projects: project.id,
    tasks: task.id,
    labels: label.id,
    members: users.editor.id,
    comments: comment.id,
  }
  for (const [collection, id] of await scaffoldedRows(project.id, users.owner.id, ids)) {
    ids[collection] = id
  }
  return { owner: users.owner, ids }
}

/**
 * A row of each other collection the document names (a resource `make:resource` added): made
 * by its model's factory, in the project of the cast or owned by its owner.
 */
async function scaffoldedRows(projectId: number, ownerId: number, known: Record<string, number>) {
  const collections = new Set(
    Object.keys(apiDocument().paths).flatMap((path) =>
      [...path.matchAll(/([\w-]+)\/\{\w+\}/g)].map((match) => match[1])
    )
  )
  const made = new Map<string, number>()
  for (const model of await appModels()) {
    if (!collections.has(model.table) || model.table in known) continue
    const file = string.snakeCase(model.name)
    const factories = (await import(`#database/factories/${file}_factory`)) as Record<
      string,
      { merge(values: object): { create(): Promise<{ $primaryKeyValue: unknown }> } }
    >
    const factory = factories[`${model.name}Factory`]
    const owner = model.$hasColumn('projectId') ? { projectId } : { ownerId }
    const row = await factory.merge(owner).create()
    made.set(model.table, Number(row.$primaryKeyValue))
  }
  return made
}

/**
 * The URL of a documented path with each parameter filled with the id of the collection it
 * follows (`/tasks/{taskId}` and `/tasks/{id}`: a task's), from `ids`.
 */
function urlOf(path: string, ids: Record<string, number>): string {
  return path.replace(/([\w-]+)\/\{(\w+)\}/g, (_match, collection: string, name: string) => {
    if (!(collection in ids)) throw new Error(`No row for the parameter "${name}" of ${path}`)
    return `${collection}/${ids[collection]}`
  })
}

/** Spends the rate limit budget of a token (by its user's only token) or of local anonymous calls. */
async function spendBudget(user: User | null) {
  const policy = user ? apiConfig.rateLimits.authenticated : apiConfig.rateLimits.anonymous
  const budget = limiter.use({ requests: policy.requests, duration: policy.duration })
  const tokens = user ? await User.accessTokens.all(user) : []
  const keys = user
    ? tokens.map((token) => `api:token:${token.identifier}`)
    : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((ip) => `api:ip:${ip}`)
  for (const key of keys) await budget.set(key, policy.requests, policy.duration)
}

test.group('API | every operation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('answers 401 to a call without a token', async ({ client, assert }) => {
    const { ids } = await rows()
    const calls = documentedCalls().filter((call) => call.secured)

    assert.isAbove(calls.length, 0)
    for (const call of calls) {
      // A write without a token is refused by the CSRF check (403) unless it carries the token a
      // page would: with it, what is left to refuse is the missing authentication.
      const request = client[call.method](urlOf(call.path, ids))
      const response = await (call.method === 'get' ? request : request.withCsrfToken())
      assert.equal(response.status(), 401, `${call.method} ${call.path}`)
    }
  })

  test('answers 403 to a token without the ability the operation needs', async ({
    client,
    assert,
  }) => {
    const { owner, ids } = await rows()
    const token = await bearerTokenOf(owner, ['nothing.at_all'])
    const calls = documentedCalls().filter((call) => call.ability && call.statuses.includes('403'))

    assert.isAbove(calls.length, 0)
    for (const call of calls) {
      const response = await client[call.method](urlOf(call.path, ids)).bearerToken(token)
      assert.equal(response.status(), 403, `${call.method} ${call.path}`)
    }
  })

  test('answers 304 to a read whose If-None-Match holds the current ETag', async ({
    client,
    assert,
  }) => {
    const { owner, ids } = await rows()
    const token = await bearerTokenOf(owner)
    const calls = documentedCalls().filter((call) => call.statuses.includes('304'))

    assert.isAbove(calls.length, 0)
    for (const call of calls) {
      const url = urlOf(call.path, ids)
      const first = await client[call.method](url).bearerToken(token)
      const etag = first.header('etag')!
      const again = await client[call.method](url).header('If-None-Match', etag).bearerToken(token)
      assert.equal(again.status(), 304, `${call.method} ${call.path}`)
    }
  })

  test('answers 409 to a call whose Idempotency-Key is held by a call still running', async ({
    client,
    assert,
  }) => {
    const { owner, ids } = await rows()
    const token = await bearerTokenOf(owner)
    const calls = documentedCalls().filter(
      (call) => call.idempotent && call.statuses.includes('409')
    )

    assert.isAbove(calls.length, 0)
    for (const call of calls) {
      const url = urlOf(call.path, ids)
      await db.table('api_idempotency_keys').insert({
        user_id: owner.id,
        key: `running-${url.length}-${calls.indexOf(call)}`,
        fingerprint: createHash('sha256').update(`POST ${url}\n{}`).digest('hex'),
        claim: 'another-process',
        created_at: new Date(),
        expires_at: new Date(Date.now() + 3_600_000),
      })
      const response = await client[call.method](url)
        .header('Idempotency-Key', `running-${url.length}-${calls.indexOf(call)}`)
        .json({})
        .bearerToken(token)
      assert.equal(response.status(), 409, `${call.method} ${call.path}`)
    }
  })

  test('answers 429 once the caller has spent its budget', async ({ client, assert }) => {
    const calls = documentedCalls().filter((call) => call.statuses.includes('429'))

    assert.isAbove(calls.length, 0)
    for (const call of calls) {
      await clearRateLimits()
      const { owner, ids } = await rows()
      const token = await bearerTokenOf(owner)
      await spendBudget(call.secured ? owner : null)
      const request = client[call.method](urlOf(call.path, ids))
      const response = await (call.secured ? request.bearerToken(token) : request)
      assert.equal(response.status(), 429, `${call.method} ${call.path}`)
    }
  })

  test('answers 400 to a malformed body, or to an unknown query parameter of a read', async ({
    client,
    assert,
  }) => {
    const { owner, ids } = await rows()
    const token = await bearerTokenOf(owner)
    const calls = documentedCalls().filter((call) => call.statuses.includes('400'))

    for (const call of calls) {
      const request = client[call.method](urlOf(call.path, ids)).bearerToken(token)
      const response =
        call.method === 'get'
          ? await request.qs({ noSuchParameter: '1' })
          : await request.header('Content-Type', 'application/json').json('{"title": ' as never)
      assert.equal(response.status(), 400, `${call.method} ${call.path}`)
    }
  })

  test('answers 415 to a body that is not JSON and 413 to one too large', async ({
    client,
    assert,
  }) => {
    const { owner, ids } = await rows()
    const token = await bearerTokenOf(owner)
    const calls = documentedCalls().filter((call) => call.hasBody)

    assert.isAbove(calls.length, 0)
    for (const call of calls.filter((entry) => entry.statuses.includes('415'))) {
      const url = urlOf(call.path, ids)
      const form = await client[call.method](url).form({ title: 'Form' }).bearerToken(token)
      assert.equal(form.status(), 415, `${call.method} ${call.path}`)
    }
    for (const call of calls.filter((entry) => entry.statuses.includes('413'))) {
      const url = urlOf(call.path, ids)
      const huge = await client[call.method](url)
        .json({ title: 'x'.repeat(1_100_000) })
        .bearerToken(token)
      assert.equal(huge.status(), 413, `${call.method} ${call.path}`)
    }
  })

  test('answers 422 to a NUL character in the query string', async ({ client, assert }) => {
    const { owner, ids } = await rows()
    const token = await bearerTokenOf(owner)
    const calls = documentedCalls().filter((call) => call.statuses.includes('422'))

    assert.isAbove(calls.length, 0)
    for (const call of calls) {
      const url = `${urlOf(call.path, ids)}?q=%00`
      const response = await client[call.method](url).withCsrfToken().bearerToken(token)
      assert.equal(response.status(), 422, `${call.method} ${call.path}`)
    }
  })

  test('answers 422 to a body whose every field has the wrong type', async ({ client, assert }) => {
    const { owner, ids } = await rows()
    const token = await bearerTokenOf(owner)
    const calls = documentedCalls().filter((call) => call.statuses.includes('422'))

    assert.isAbove(calls.length, 0)
    for (const call of calls.filter((entry) => entry.hasBody && entry.secured)) {
      const body = Object.fromEntries(call.bodyFields.map((field) => [field, { wrong: true }]))
      const response = await client[call.method](urlOf(call.path, ids))
        .header('If-Match', '*')
        .json(body)
        .bearerToken(token)
      assert.equal(response.status(), 422, `${call.method} ${call.path}`)
    }
  })

  test('answers 404 when a path parameter names no row', async ({ client, assert }) => {
    const { owner, ids } = await rows()
    const token = await bearerTokenOf(owner)
    const calls = documentedCalls().filter(
      (call) => call.statuses.includes('404') && call.path.includes('{')
    )

    assert.isAbove(calls.length, 0)
    for (const call of calls) {
      const missing = Object.fromEntries(Object.keys(ids).map((name) => [name, MAX_ID]))
      const request = client[call.method](urlOf(call.path, missing)).bearerToken(token)
      const response = await (call.hasBody ? request.json({}) : request)
      assert.equal(response.status(), 404, `${call.method} ${call.path}`)
    }
  })
})
