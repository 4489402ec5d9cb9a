import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import sessionConfig from '#config/session'
import { buildOpenApiDocument } from '#api/openapi/build_document'
import { stableJson } from '#api/openapi/stable_json'
import { toDialect2020 } from '#api/openapi/output_schema'
import { NOTE_ROUTES, noteDocument, noteOperations } from '#tests/helpers/api_documents'

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` })

test.group('OpenAPI document | paths', () => {
  test('documents each /api/v1 route once per method, with {params} for :params', ({ assert }) => {
    const document = noteDocument()

    assert.deepEqual(Object.keys(document.paths), [
      '/api/v1/notes',
      '/api/v1/projects/{projectId}/notes/{id}',
    ])
    assert.deepEqual(Object.keys(document.paths['/api/v1/notes']), ['get', 'post'])
    assert.deepEqual(Object.keys(document.paths['/api/v1/projects/{projectId}/notes/{id}']), [
      'get',
      'patch',
    ])
    assert.equal(document.paths['/api/v1/notes'].get.operationId, 'api.notes.index')
  })

  test('gives a row id parameter an integer schema', ({ assert }) => {
    const show = noteDocument().paths['/api/v1/projects/{projectId}/notes/{id}'].get
    const parameters = show.parameters as { name: string; in: string; schema: object }[]

    assert.deepEqual(
      parameters.filter((parameter) => parameter.in === 'path'),
      ['projectId', 'id'].map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { maximum: 2147483647, minimum: 1, type: 'integer' },
      }))
    )
  })

  test('refuses a named /api/v1 route that has no description', ({ assert }) => {
    const operations = noteOperations()
    operations.delete('api.notes.show')

    assert.throws(
      () => buildOpenApiDocument({ routes: NOTE_ROUTES, operations, undocumented: [] }),
      /"api\.notes\.show".* have no description/
    )
  })

  test('refuses a description that names no route', ({ assert }) => {
    const operations = noteOperations()
    operations.set('api.notes.archive', { ...operations.get('api.notes.show')!, route: 'x' })

    assert.throws(
      () =>
        buildOpenApiDocument({ routes: NOTE_ROUTES, operations, undocumented: ['api.openapi'] }),
      /The descriptions of "api\.notes\.archive" name no \/api\/v1 route/
    )
  })

  test('refuses an unnamed /api/v1 route', ({ assert }) => {
    const routes = [...NOTE_ROUTES, { pattern: '/api/v1/stray', methods: ['GET'] }]

    assert.throws(
      () => buildOpenApiDocument({ routes, operations: noteOperations(), undocumented: [] }),
      /\/api\/v1\/stray have no name/
    )
  })

  test('prints the same text for the same routes, with sorted keys', ({ assert }) => {
    const text = stableJson(noteDocument())

    assert.equal(text, stableJson(noteDocument()))
    assert.deepEqual(Object.keys(JSON.parse(text)), [
      'components',
      'info',
      'jsonSchemaDialect',
      'openapi',
      'paths',
      'security',
      'servers',
      'tags',
    ])
  })
})

test.group('OpenAPI document | requests', () => {
  test('turns the query validator into query parameters, fixing VineJS dates, booleans and optional unions', ({
    assert,
  }) => {
    const index = noteDocument().paths['/api/v1/notes'].get

    assert.deepEqual(index.parameters, [
      { name: 'page', in: 'query', required: false, schema: { minimum: 1, type: 'integer' } },
      { name: 'since', in: 'query', required: false, schema: { type: ['string', 'null'] } },
      { name: 'done', in: 'query', required: false, schema: { type: 'boolean' } },
      {
        name: 'expand',
        in: 'query',
        required: false,
        schema: {
          anyOf: [{ type: 'string' }, { items: { type: 'string' }, maxItems: 2, type: 'array' }],
        },
      },
    ])
  })

  test('turns the body validator into a JSON request body', ({ assert }) => {
    const store = noteDocument().paths['/api/v1/notes'].post

    assert.deepEqual(store.requestBody, {
      required: true,
      content: {
        'application/json': {
          schema: {
            additionalProperties: false,
            properties: {
              dueOn: { type: ['string', 'null'] },
              title: { maxLength: 200, type: 'string' },
            },
            required: ['title', 'dueOn'],
            type: 'object',
          },
        },
      },
    })
  })

  test('asks for If-Match on a conditional write and Idempotency-Key on an idempotent POST', ({
    assert,
  }) => {
    const document = noteDocument()
    const update = document.paths['/api/v1/projects/{projectId}/notes/{id}'].patch
    const store = document.paths['/api/v1/notes'].post

    assert.deepInclude(update.parameters as object[], ref('parameters', 'IfMatch'))
    assert.deepEqual(store.parameters, [ref('parameters', 'IdempotencyKey')])
    assert.deepEqual(document.components.parameters.IfMatch.required, true)
  })
})

test.group('OpenAPI document | responses', () => {
  test('wraps one record in { data } and a list in { data, meta, links }', ({ assert }) => {
    const document = noteDocument()
    const show = document.paths['/api/v1/projects/{projectId}/notes/{id}'].get
    const index = document.paths['/api/v1/notes'].get
    const schemaOf = (operation: Record<string, any>, status: string) =>
      operation.responses[status].content['application/json'].schema

    assert.deepEqual(schemaOf(show, '200').required, ['data'])
    assert.deepEqual(
      schemaOf(show, '200').properties.data,
      noteOperations().get('api.notes.show')!.success.data!.toJSONSchema()
    )
    assert.deepEqual(schemaOf(index, '200').required, ['data', 'meta', 'links'])
    assert.equal(schemaOf(index, '200').properties.data.type, 'array')
    assert.deepEqual(schemaOf(index, '200').properties.links, ref('schemas', 'ListLinks'))
  })

  test('lists the common problems, its own, and those its headers bring', ({ assert }) => {
    const document = noteDocument()
    const statuses = (path: string, method: string) =>
      Object.keys(document.paths[path][method].responses as object)

    assert.deepEqual(statuses('/api/v1/notes', 'get'), [
      '200',
      '400',
      '401',
      '403',
      '422',
      '429',
      '500',
    ])
    assert.deepEqual(statuses('/api/v1/notes', 'post'), [
      '201',
      '400',
      '401',
      '403',
      '409',
      '422',
      '429',
      '500',
    ])
    assert.deepEqual(statuses('/api/v1/projects/{projectId}/notes/{id}', 'get'), [
      '200',
      '304',
      '400',
      '401',
      '403',
      '404',
      '422',
      '429',
      '500',
    ])
    assert.deepEqual(statuses('/api/v1/projects/{projectId}/notes/{id}', 'patch'), [
      '200',
      '400',
      '401',
      '403',
      '404',
      '412',
      '422',
      '428',
      '429',
      '500',
    ])
  })

  test('answers problems as application/problem+json with their headers', ({ assert }) => {
    const responses = noteDocument().paths['/api/v1/projects/{projectId}/notes/{id}'].patch
      .responses as Record<string, any>
    const schema = (status: string) => responses[status].content['application/problem+json'].schema

    assert.deepEqual(schema('404'), ref('schemas', 'Problem'))
    assert.deepEqual(schema('422'), ref('schemas', 'ValidationProblem'))
    assert.deepEqual(schema('412'), ref('schemas', 'PreconditionProblem'))
    assert.deepEqual(
      responses['401'].headers['WWW-Authenticate'],
      ref('headers', 'WWW-Authenticate')
    )
    assert.deepEqual(responses['429'].headers['Retry-After'], ref('headers', 'Retry-After'))
    assert.deepEqual(responses['200'].headers.ETag, ref('headers', 'ETag'))
    assert.deepEqual(
      responses['200'].headers['RateLimit-Remaining'],
      ref('headers', 'RateLimit-Remaining')
    )
  })

  test('names the ability each operation needs, and which schemes authenticate', ({ assert }) => {
    const document = noteDocument()
    const update = document.paths['/api/v1/projects/{projectId}/notes/{id}'].patch

    assert.equal(update['x-ability'], 'note.change')
    assert.include(update.description as string, '`note.change`')
    assert.deepEqual(document.security, [{ bearerToken: [] }, { session: [] }])
    assert.deepEqual(Object.keys(document.components.securitySchemes), ['bearerToken', 'session'])
  })

  test("names the session cookie the app's session config sets", async ({ assert }) => {
    const session = noteDocument().components.securitySchemes.session
    const { cookieName } = await sessionConfig.resolver(app)

    assert.equal(session.name, cookieName)
  })
})

test.group('OpenAPI document | output schemas', () => {
  test('writes a draft-07 tuple as 2020-12 prefixItems, nested anywhere', ({ assert }) => {
    const tuple = { type: 'array', items: [{}, { type: 'string' }], additionalItems: false }

    assert.deepEqual(toDialect2020({ type: 'object', patternProperties: { '^.*$': tuple } }), {
      type: 'object',
      patternProperties: {
        '^.*$': { type: 'array', prefixItems: [{}, { type: 'string' }], items: false },
      },
    })
    assert.deepEqual(toDialect2020({ type: 'array', items: { type: 'integer' } }), {
      type: 'array',
      items: { type: 'integer' },
    })
  })
})
