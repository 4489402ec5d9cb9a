import { test } from '@japa/runner'
import { Value } from 'typebox/value'
import type { ApiClient } from '@japa/api-client'
import { Secret } from '@adonisjs/core/helpers'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AccessToken from '#models/access_token'
import { UserFactory } from '#database/factories/user_factory'
import { tokenOf } from '#tests/helpers/access_tokens'
import { clearRateLimits } from '#tests/helpers/accounts'
import { tokenAbilities } from '#services/accounts/token_abilities'
import { issuedTokenSchema } from '#api/resources/tokens'

const PASSWORD = 'password-123'

/**
 * The statuses of refused credentials: the auth package's E_INVALID_CREDENTIALS answers 400 by
 * itself, the /api problem-details handler turns it into 401.
 */
/** A token login with no session and no CSRF token, as a mobile app sends it. */
function tokenLogin(client: ApiClient, body: Record<string, unknown>) {
  return client.post('/api/v1/tokens').accept('json').json(body)
}

/** `times` failed attempts on the login form. */
async function failLoginForm(client: ApiClient, email: string, times: number) {
  for (let attempt = 0; attempt < times; attempt++) {
    await client
      .post('/login')
      .withCsrfToken()
      .header('referer', '/login')
      .form({ email, password: 'wrong-password' })
      .redirects(0)
  }
}

test.group('API token login | issuing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('answers 201 with a working token holding every ability for 90 days', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()

    const response = await tokenLogin(client, {
      email: 'Ada@Example.com',
      password: PASSWORD,
      name: 'Ada’s phone',
    })

    response.assertStatus(201)
    const { data } = response.body()
    const row = await AccessToken.findByOrFail('tokenable_id', user.id)
    assert.deepEqual(Object.keys(data).sort(), ['abilities', 'expiresAt', 'id', 'name', 'token'])
    assert.isTrue(Value.Check(issuedTokenSchema.schema, data), 'data matches its documented schema')
    assert.deepEqual(
      { id: data.id, name: data.name, abilities: data.abilities },
      { id: row.id, name: 'Ada’s phone', abilities: tokenAbilities() }
    )
    assert.closeTo(Date.parse(data.expiresAt), Date.now() + 90 * 86_400_000, 60_000)
    const verified = await User.accessTokens.verify(new Secret(data.token))
    assert.equal(verified?.tokenableId, user.id)
    assert.isUndefined(response.cookie('adonis-session'))
  })

  test('gives only the abilities asked for', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'Reader',
      abilities: ['task.view', 'project.view'],
    })

    response.assertStatus(201)
    assert.deepEqual(response.body().data.abilities, ['project.view', 'task.view'])
  })

  test('refuses a wrong password, an unknown email and an inactive account', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const inactive = await UserFactory.apply('inactive').create()
    const attempts = [
      { email: user.email, password: 'wrong-password' },
      { email: 'nobody@example.com', password: PASSWORD },
      { email: inactive.email, password: PASSWORD },
    ]

    for (const credentials of attempts) {
      const response = await tokenLogin(client, { ...credentials, name: 'Phone' })
      response.assertStatus(401)
      assert.equal(response.header('www-authenticate'), 'Bearer realm="api"')
    }
    assert.lengthOf(await AccessToken.all(), 0)
  })

  test('refuses a missing or long name, a name the user already has, an unknown ability', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await tokenOf(user, 'Phone')
    const valid = { email: user.email, password: PASSWORD, name: 'Tablet' }

    for (const body of [
      { ...valid, name: undefined },
      { ...valid, name: 'x'.repeat(101) },
      { ...valid, name: 'Phone' },
      { ...valid, abilities: [] },
      { ...valid, abilities: ['user.delete'] },
      { ...valid, abilities: ['*'] },
    ]) {
      const response = await tokenLogin(client, body)
      response.assertStatus(422)
    }
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 1)
  })
})

test.group('API token login | throttling', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('after 5 failures even the right password gets 429 with Retry-After', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = await tokenLogin(client, {
        email: user.email,
        password: 'wrong-password',
        name: 'Phone',
      })
      failed.assertStatus(401)
    }

    const response = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'Phone',
    })

    response.assertStatus(429)
    assert.isAbove(Number(response.header('retry-after')), 250)
    assert.lengthOf(await AccessToken.all(), 0)
  })

  test('counts the login form’s failures', async ({ client }) => {
    const user = await UserFactory.create()
    await failLoginForm(client, user.email, 5)

    const response = await tokenLogin(client, {
      email: user.email,
      password: PASSWORD,
      name: 'Phone',
    })

    response.assertStatus(429)
  })

  test('the login form counts the token login’s failures', async ({ client }) => {
    const user = await UserFactory.create()
    await failLoginForm(client, user.email, 3)
    for (let attempt = 0; attempt < 2; attempt++) {
      await tokenLogin(client, { email: user.email, password: 'wrong-password', name: 'Phone' })
    }

    const response = await client
      .post('/login')
      .withCsrfToken()
      .header('referer', '/login')
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)

    response.assertFlashMessage('error', 'Too many failed logins. Try again in 5 minutes.')
  })

  test('a token login forgives the failures before it', async ({ client }) => {
    const user = await UserFactory.create()
    await failLoginForm(client, user.email, 4)
    const success = await tokenLogin(client, { email: user.email, password: PASSWORD, name: 'A' })
    await failLoginForm(client, user.email, 4)

    const response = await tokenLogin(client, { email: user.email, password: PASSWORD, name: 'B' })

    success.assertStatus(201)
    response.assertStatus(201)
  })
})
