import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AccessToken from '#models/access_token'
import { verifySecondStep } from '#services/two_factor/second_step'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits } from '#tests/helpers/accounts'
import { enableTotp, totpCode, wrongTotpCode } from '#tests/helpers/two_factor'
import { remainingRecoveryCodes } from '#services/two_factor/recovery_codes'

const PASSWORD = 'password-123'

/** A token login as a mobile app sends it. */
function tokenLogin(client: ApiClient, body: Record<string, unknown>) {
  return client.post('/api/v1/tokens').accept('json').json(body)
}

test.group('Two-factor | API token login', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('without a code, no token: 401 E_TWO_FACTOR_REQUIRED', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await enableTotp(user)

    const response = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'CLI',
    })

    response.assertStatus(401)
    assert.equal(response.header('content-type'), 'application/problem+json; charset=utf-8')
    assert.equal(response.body().code, 'E_TWO_FACTOR_REQUIRED')
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 0)
  })

  test('with the right code, a token', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    const response = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'CLI',
      code: totpCode(secret),
    })

    response.assertStatus(201)
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 1)
  })

  test('a wrong or reused code is refused: 401 E_TWO_FACTOR_INVALID', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const code = totpCode(secret)

    const wrong = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'One',
      code: wrongTotpCode(secret),
    })
    wrong.assertStatus(401)
    assert.equal(wrong.body().code, 'E_TWO_FACTOR_INVALID')

    const first = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'Two',
      code,
    })
    first.assertStatus(201)
    const reused = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'Three',
      code,
    })
    reused.assertStatus(401)
    assert.equal(reused.body().code, 'E_TWO_FACTOR_INVALID')
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 1)
  })

  test('a recovery code works once', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)

    const first = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'One',
      recoveryCode: recoveryCodes[2],
    })
    first.assertStatus(201)
    const again = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'Two',
      recoveryCode: recoveryCodes[2],
    })
    again.assertStatus(401)
    assert.equal(await remainingRecoveryCodes(user), 9)
  })

  test('wrong codes are counted with the login form: the sixth try is 429', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await tokenLogin(client, {
        email: user.email,
        password: PASSWORD,
        name: 'CLI',
        code: wrongTotpCode(secret),
      })
      wrong.assertStatus(401)
    }
    const blocked = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'CLI',
      code: totpCode(secret),
    })

    blocked.assertStatus(429)
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 0)
  })

  test('a deactivated account is refused even with the right code', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    user.isActive = false
    await user.save()

    const response = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'CLI',
      code: totpCode(secret),
    })

    response.assertStatus(401)
    assert.notEqual(response.body().code, 'E_TWO_FACTOR_REQUIRED')
    assert.notProperty(response.body(), 'data')
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 0)
    const row = await db.from('users').where('id', user.id).first()
    assert.isNull(row.two_factor_last_step)
  })

  test('one recovery code sent twice at once makes exactly one token', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)

    const responses = await Promise.all(
      ['One', 'Two'].map((name) =>
        tokenLogin(client, {
          email: user.email,
          password: PASSWORD,
          name,
          recoveryCode: recoveryCodes[7],
        })
      )
    )

    assert.sameMembers(
      responses.map((response) => response.status()),
      [201, 401]
    )
    const refused = responses.find((response) => response.status() === 401)!
    assert.equal(refused.body().code, 'E_TWO_FACTOR_INVALID')
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 1)
    assert.equal(await remainingRecoveryCodes(user), 9)
  })

  test('wrong codes from many IPs lock the token login too', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    for (let attempt = 0; attempt < 10; attempt++) {
      await verifySecondStep(user, { code: wrongTotpCode(secret) }, `203.0.113.${attempt + 1}`)
    }

    const response = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'CLI',
      code: totpCode(secret),
    })

    response.assertStatus(429)
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 0)
  })

  test('an account without a second factor ignores the code fields', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'CLI',
      code: '123456',
    })

    response.assertStatus(201)
  })
})
