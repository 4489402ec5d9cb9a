import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { Secret } from '@adonisjs/core/helpers'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AccessToken from '#models/access_token'
import { UserFactory } from '#database/factories/user_factory'
import { tokenOf } from '#tests/helpers/access_tokens'
import { clearRateLimits } from '#tests/helpers/accounts'
import { type TokenAbilityGroup, tokenAbilities } from '#services/accounts/token_abilities'

const verified = () => UserFactory.merge({ emailVerifiedAt: DateTime.now() }).create()

test.group('Tokens | page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('sends guests to log in', async ({ client }) => {
    const response = await client.get('/settings/tokens').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('lists the user’s own tokens, newest first, without secret or hash', async ({
    client,
    assert,
  }) => {
    const user = await verified()
    const other = await verified()
    await tokenOf(user, 'Laptop', ['task.view', 'project.view'])
    await tokenOf(user, 'Phone')
    await tokenOf(other, 'Not mine')

    const response = await client.get('/settings/tokens').withInertia().loginAs(user)

    response.assertStatus(200)
    response.assertInertiaComponent('settings/tokens')
    const { tokens, created, abilityGroups } = response.inertiaProps as Record<string, any>
    assert.deepEqual(
      tokens.map((token: Record<string, unknown>) => [token.name, token.abilities]),
      [
        ['Phone', ['task.view']],
        ['Laptop', ['project.view', 'task.view']],
      ]
    )
    assert.deepEqual(Object.keys(tokens[0]).sort(), [
      'abilities',
      'createdAt',
      'expiresAt',
      'id',
      'lastUsedAt',
      'name',
    ])
    assert.isNull(tokens[0].lastUsedAt)
    assert.isNull(created)
    assert.deepEqual(
      (abilityGroups as TokenAbilityGroup[]).flatMap((abilityGroup) =>
        abilityGroup.abilities.map((ability) => ability.name)
      ),
      tokenAbilities()
    )
  })
})

test.group('Tokens | create', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('creates a token whose secret is flashed once and stored only as a hash', async ({
    client,
    assert,
  }) => {
    const user = await verified()

    const response = await client
      .post('/settings/tokens')
      .withCsrfToken()
      .loginAs(user)
      .json({ name: ' CI deploy ', lifetimeDays: 30, abilities: ['task.view', 'project.add'] })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/settings/tokens')
    const flashed = response.flashMessages().newAccessToken as Record<string, any>
    const row = await AccessToken.findByOrFail('tokenable_id', user.id)
    assert.equal(row.name, 'CI deploy')
    assert.deepEqual(row.abilities, ['project.add', 'task.view'])
    assert.deepEqual({ id: flashed.id, name: flashed.name }, { id: row.id, name: 'CI deploy' })
    assert.match(flashed.token, /^atr_/)
    assert.notInclude(row.hash, flashed.token.split('.')[1])
    const days = row.expiresAt!.diff(DateTime.now(), 'days').days
    assert.closeTo(days, 30, 0.01)

    const verifiedToken = await User.accessTokens.verify(new Secret(flashed.token))
    assert.equal(verifiedToken?.tokenableId, user.id)
  })

  test('shows the flashed secret on the next page only', async ({ client, assert }) => {
    const user = await verified()
    const created = { id: 1, name: 'CI deploy', token: 'atr_secret' }

    const withFlash = await client
      .get('/settings/tokens')
      .withInertia()
      .withFlashMessages({ newAccessToken: created })
      .loginAs(user)
    const after = await client.get('/settings/tokens').withInertia().loginAs(user)

    assert.deepEqual(withFlash.inertiaProps.created, created)
    assert.isNull(after.inertiaProps.created)
  })

  test('refuses a missing, long or duplicate name, no ability, an unknown ability or lifetime', async ({
    client,
    assert,
  }) => {
    const user = await verified()
    await tokenOf(user, 'Laptop')
    const valid = { name: 'Phone', lifetimeDays: 90, abilities: ['task.view'] }
    const attempts: [Record<string, unknown>, string][] = [
      [{ ...valid, name: '' }, 'name'],
      [{ ...valid, name: undefined }, 'name'],
      [{ ...valid, name: 'x'.repeat(101) }, 'name'],
      [{ ...valid, name: 'Laptop' }, 'name'],
      [{ ...valid, abilities: [] }, 'abilities'],
      [{ ...valid, abilities: undefined }, 'abilities'],
      [{ ...valid, abilities: 'task.view' }, 'abilities'],
      [{ ...valid, abilities: ['task.view', 'user.delete'] }, 'abilities.1'],
      [{ ...valid, abilities: ['*'] }, 'abilities.0'],
      [{ ...valid, abilities: ['task.view', 'task.view'] }, 'abilities'],
      [{ ...valid, abilities: ['activity.delete'] }, 'abilities.0'],
      [{ ...valid, lifetimeDays: 7 }, 'lifetimeDays'],
      [{ ...valid, lifetimeDays: 'never' }, 'lifetimeDays'],
    ]

    for (const [body, field] of attempts) {
      const response = await client
        .post('/settings/tokens')
        .withCsrfToken()
        .header('referer', '/settings/tokens')
        .loginAs(user)
        .json(body)
        .redirects(0)
      response.assertStatus(302)
      const bag = response.flashMessages().inputErrorsBag as Record<string, string[]>
      assert.deepEqual(Object.keys(bag), [field], JSON.stringify(body))
      if (Array.isArray(body.abilities) && body.abilities.length === 0) {
        assert.deepEqual(bag.abilities, ['Choose at least one ability.'], JSON.stringify(bag))
      }
    }
    const names = await AccessToken.query().where('tokenable_id', user.id).select('name')
    assert.deepEqual(
      names.map((token) => token.name),
      ['Laptop']
    )
  })

  test('a name another user gave a token is free', async ({ client, assert }) => {
    const user = await verified()
    const other = await verified()
    await tokenOf(other, 'Laptop')

    await client
      .post('/settings/tokens')
      .withCsrfToken()
      .loginAs(user)
      .json({ name: 'Laptop', lifetimeDays: 90, abilities: ['task.view'] })

    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 1)
  })
})

test.group('Tokens | change and revoke', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('changes the abilities of a token', async ({ client, assert }) => {
    const user = await verified()
    const { id } = await tokenOf(user, 'Laptop')

    const response = await client
      .put(`/settings/tokens/${id}`)
      .withCsrfToken()
      .loginAs(user)
      .json({ abilities: ['comment.add', 'activity.view'] })
      .redirects(0)

    response.assertHeader('location', '/settings/tokens')
    const row = await AccessToken.findOrFail(id)
    assert.deepEqual(row.abilities, ['comment.add', 'activity.view'])
  })

  test('refuses no ability or an unknown one on a change', async ({ client, assert }) => {
    const user = await verified()
    const { id } = await tokenOf(user, 'Laptop')

    const attempts: [unknown, string][] = [
      [[], 'abilities'],
      ['task.view', 'abilities'],
      [['task.view', 'group.view'], 'abilities.1'],
    ]
    for (const [abilities, field] of attempts) {
      const response = await client
        .put(`/settings/tokens/${id}`)
        .withCsrfToken()
        .header('referer', '/settings/tokens')
        .loginAs(user)
        .json({ abilities })
        .redirects(0)
      const bag = response.flashMessages().inputErrorsBag as Record<string, string[]>
      assert.deepEqual(Object.keys(bag), [field])
    }
    const stored = await AccessToken.findOrFail(id)
    assert.deepEqual(stored.abilities, ['task.view'])
  })

  test('revokes a token: its secret stops working', async ({ client, assert }) => {
    const user = await verified()
    const { id, secret } = await tokenOf(user, 'Laptop')

    const response = await client
      .delete(`/settings/tokens/${id}`)
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertHeader('location', '/settings/tokens')
    response.assertFlashMessage('success', 'The token "Laptop" was revoked.')
    assert.isNull(await AccessToken.find(id))
    assert.isNull(await User.accessTokens.verify(new Secret(secret)))
  })

  test('another user’s token is not found, to change or to revoke', async ({ client, assert }) => {
    const user = await verified()
    const owner = await verified()
    const { id } = await tokenOf(owner, 'Laptop')

    const change = await client
      .put(`/settings/tokens/${id}`)
      .withCsrfToken()
      .loginAs(user)
      .json({ abilities: tokenAbilities() })
    const revoke = await client.delete(`/settings/tokens/${id}`).withCsrfToken().loginAs(user)

    change.assertStatus(404)
    revoke.assertStatus(404)
    const stored = await AccessToken.findOrFail(id)
    assert.deepEqual(stored.abilities, ['task.view'])
  })
})
