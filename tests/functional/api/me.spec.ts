import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'
import { UserFactory } from '#database/factories/user_factory'

test.group('API | me', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('answers the caller, without secrets, to a token of any ability, with an ETag', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({
      fullName: 'Ada Lovelace',
      timeZone: 'Europe/London',
    }).create()
    const token = await bearerTokenOf(user, ['task.view'])

    const response = await client.get('/api/v1/me').bearerToken(token)

    response.assertStatus(200)
    assert.deepEqual(Object.keys(response.body().data).sort(), [
      'createdAt',
      'email',
      'emailVerifiedAt',
      'fullName',
      'id',
      'timeZone',
    ])
    assert.containSubset(response.body().data, {
      id: user.id,
      email: user.email,
      fullName: 'Ada Lovelace',
      timeZone: 'Europe/London',
    })
    const again = await client
      .get('/api/v1/me')
      .header('If-None-Match', String(response.header('etag')))
      .bearerToken(token)
    again.assertStatus(304)
  })

  test('answers 401 without a token', async ({ client }) => {
    const response = await client.get('/api/v1/me')
    response.assertStatus(401)
  })
})
