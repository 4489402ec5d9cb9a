import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { enableTotp } from '#tests/helpers/two_factor'
import { openTotpSecret } from '#services/two_factor/totp_secret'
import { startTotpSetup } from '#services/two_factor/totp_setup'

test.group('Two-factor | secret storage', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the column holds the secret encrypted, never the base32 secret', async ({ assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    const row = await db.from('users').where('id', user.id).first()
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.notInclude(row.two_factor_secret, secret)
    assert.notInclude(row.two_factor_secret.toUpperCase(), secret)
    assert.equal(openTotpSecret(row.two_factor_secret), secret)
  })

  test('a new setup starts unconfirmed with a fresh secret', async ({ assert }) => {
    const user = await UserFactory.create()
    assert.isTrue(await startTotpSetup(user))
    const first = openTotpSecret(user.twoFactorSecret)

    assert.isTrue(await startTotpSetup(user))
    const fresh = await User.findOrFail(user.id)
    assert.isNull(fresh.twoFactorConfirmedAt)
    assert.match(openTotpSecret(fresh.twoFactorSecret)!, /^[A-Z2-7]{32}$/)
    assert.notEqual(openTotpSecret(fresh.twoFactorSecret), first)
  })

  test('a new setup is refused while an app is confirmed, and keeps it', async ({ assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    assert.isFalse(await startTotpSetup(user))
    const kept = await User.findOrFail(user.id)
    assert.isNotNull(kept.twoFactorConfirmedAt)
    assert.equal(openTotpSecret(kept.twoFactorSecret), secret)
  })

  test('the secret and the last step are never serialized', async ({ assert }) => {
    const user = await UserFactory.create()
    await enableTotp(user)

    const json = JSON.stringify(user.serialize())
    assert.notProperty(user.serialize(), 'twoFactorSecret')
    assert.notProperty(user.serialize(), 'twoFactorLastStep')
    assert.notInclude(json, String(user.twoFactorSecret))
  })
})
