import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { apiOperations } from '#api/operations'
import '#api/resources/tokens'

test.group('API operations | token login', () => {
  test('describes the token login as an anonymous operation answering 201', ({ assert }) => {
    const operation = apiOperations().get('api.tokens.store')!

    assert.containSubset(operation, {
      route: 'api.tokens.store',
      ability: null,
      anonymous: true,
      problems: [401, 422, 429],
      success: { status: 201 },
    })
    assert.containSubset(operation.body!.toJSONSchema(), {
      type: 'object',
      properties: { email: {}, password: {}, name: {}, abilities: {} },
    })
  })

  test('documents every field of the issued token as required', ({ assert }) => {
    const schema = apiOperations().get('api.tokens.store')!.success.data!.toJSONSchema()

    assert.equal(schema.type, 'object')
    assert.sameMembers(schema.required as string[], [
      'id',
      'name',
      'abilities',
      'expiresAt',
      'token',
    ])
  })

  test('names a route that exists', ({ assert }) => {
    router.commit()
    assert.equal(router.makeUrl('api.tokens.store'), '/api/v1/tokens')
  })
})
