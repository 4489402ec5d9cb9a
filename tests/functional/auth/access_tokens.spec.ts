import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { Secret } from '@adonisjs/core/helpers'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AccessToken from '#models/access_token'
import { UserFactory } from '#database/factories/user_factory'
import { tokenOf } from '#tests/helpers/access_tokens'
import { recordQueries } from '#tests/helpers/queries'

/** The UPDATEs of the tokens table among `sql`. */
const tokenWrites = (sql: string[]) =>
  sql.filter((statement) => /^update\s+[`"]?auth_access_tokens\b/i.test(statement))

/** The user the `api` guard finds for a request bearing `secret`, or the error it throws. */
async function authenticateBearer(secret: string) {
  const ctx = await testUtils.createHttpContext()
  ctx.request.request.headers.authorization = `Bearer ${secret}`
  const manager = await app.container.make('auth.manager')
  return manager.createAuthenticator(ctx).use('api').authenticate()
}

test.group('Access tokens | verifying', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('two uses within a minute write last_used_at once', async ({ assert }) => {
    const user = await UserFactory.create()
    const { id, secret } = await tokenOf(user, 'Laptop')

    const { result, sql } = await recordQueries(async () => [
      await User.accessTokens.verify(new Secret(secret)),
      await User.accessTokens.verify(new Secret(secret)),
    ])

    assert.deepEqual(
      result.map((token) => token?.identifier),
      [id, id]
    )
    assert.lengthOf(tokenWrites(sql), 1)
    const stored = await AccessToken.findOrFail(id)
    assert.closeTo(stored.lastUsedAt!.toMillis(), Date.now(), 5_000)
  })

  test('a use over a minute after the last one writes it again', async ({ assert }) => {
    const user = await UserFactory.create()
    const { id, secret } = await tokenOf(user, 'Laptop')
    const old = new Date(Date.now() - 61_000)
    await db.from('auth_access_tokens').where('id', id).update({ last_used_at: old })

    const { sql } = await recordQueries(() => User.accessTokens.verify(new Secret(secret)))

    assert.lengthOf(tokenWrites(sql), 1)
    const stored = await AccessToken.findOrFail(id)
    assert.isAbove(stored.lastUsedAt!.toMillis(), old.getTime() + 60_000)
  })

  test('a wrong secret is refused and writes nothing', async ({ assert }) => {
    const user = await UserFactory.create()
    const { id, secret } = await tokenOf(user, 'Laptop')
    const forged = `${secret.slice(0, -4)}AAAA`

    const { result, sql } = await recordQueries(() => User.accessTokens.verify(new Secret(forged)))

    assert.isNull(result)
    assert.deepEqual(tokenWrites(sql), [])
    const stored = await AccessToken.findOrFail(id)
    assert.isNull(stored.lastUsedAt)
  })

  test('an expired token is refused', async ({ assert }) => {
    const user = await UserFactory.create()
    const { id, secret } = await tokenOf(user, 'Laptop')
    await db
      .from('auth_access_tokens')
      .where('id', id)
      .update({ expires_at: new Date(Date.now() - 1_000) })

    assert.isNull(await User.accessTokens.verify(new Secret(secret)))
  })

  test('the token of an inactive account is refused even when its row survives', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const { secret } = await tokenOf(user, 'Laptop')
    // A write that skips the model's hooks leaves the token behind.
    await db.from('users').where('id', user.id).update({ is_active: false })

    assert.isNull(await User.accessTokens.verify(new Secret(secret)))
    await assert.rejects(() => authenticateBearer(secret), 'Unauthorized access')
  })

  test('the api guard authenticates a bearer token and keeps it on the user', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const { id, secret } = await tokenOf(user, 'Laptop', ['task.view', 'task.add'])

    const authenticated = await authenticateBearer(secret)

    assert.equal(authenticated.id, user.id)
    assert.equal(authenticated.currentAccessToken.identifier, id)
    assert.deepEqual(authenticated.currentAccessToken.abilities, ['task.view', 'task.add'])
  })
})

test.group('Access tokens | ending with the account', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('deactivating an account deletes its tokens, no one else’s', async ({ assert }) => {
    const user = await UserFactory.create()
    const other = await UserFactory.create()
    const { secret } = await tokenOf(user, 'Laptop')
    await tokenOf(user, 'Phone')
    await tokenOf(other, 'Laptop')

    user.isActive = false
    await user.save()

    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 0)
    assert.lengthOf(await AccessToken.query().where('tokenable_id', other.id), 1)
    assert.isNull(await User.accessTokens.verify(new Secret(secret)))
  })

  test('the deletion is part of the deactivating write: a rollback keeps the tokens', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    await tokenOf(user, 'Laptop')

    const trx = await db.transaction()
    user.useTransaction(trx)
    user.isActive = false
    await user.save()
    assert.lengthOf(await trx.from('auth_access_tokens').where('tokenable_id', user.id), 0)
    await trx.rollback()

    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 1)
  })

  test('deleting an account deletes its tokens', async ({ assert }) => {
    const user = await UserFactory.create()
    await tokenOf(user, 'Laptop')

    await user.delete()

    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 0)
  })

  test('saving an active account keeps its tokens', async ({ assert }) => {
    const user = await UserFactory.merge({ emailVerifiedAt: null }).create()
    await tokenOf(user, 'Laptop')

    user.emailVerifiedAt = DateTime.now()
    await user.save()

    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 1)
  })
})
