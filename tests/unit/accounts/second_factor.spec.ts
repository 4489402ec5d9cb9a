import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { enableTotp } from '#tests/helpers/two_factor'
import { recordQueries } from '#tests/helpers/queries'
import { SoftwareAuthenticator } from '#tests/helpers/software_authenticator'
import { startTotpSetup } from '#services/two_factor/totp_setup'
import { usersWithResettableFactor } from '#services/accounts/second_factor'

test.group('Second factor | usersWithResettableFactor', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('names the users with an app, confirmed or not, or a passkey, and no one else', async ({
    assert,
  }) => {
    const confirmed = await UserFactory.create()
    await enableTotp(confirmed)
    const settingUp = await UserFactory.create()
    assert.isTrue(await startTotpSetup(settingUp))
    const passkeyOnly = await UserFactory.create()
    await new SoftwareAuthenticator().storeFor(passkeyOnly)
    const nothing = await UserFactory.create()
    const notSelected = await UserFactory.create()
    await new SoftwareAuthenticator().storeFor(notSelected)

    const ids = await db.transaction((trx) =>
      usersWithResettableFactor([confirmed, settingUp, passkeyOnly, nothing], trx)
    )

    assert.sameMembers([...ids], [confirmed.id, settingUp.id, passkeyOnly.id])
  })

  test('looks up the passkeys of every selected user without an app in one query', async ({
    assert,
  }) => {
    const users = await UserFactory.createMany(3)
    await new SoftwareAuthenticator().storeFor(users[0], 'Laptop')
    await new SoftwareAuthenticator().storeFor(users[0], 'Phone')
    await new SoftwareAuthenticator().storeFor(users[2])

    const { result, sql } = await recordQueries(() =>
      db.transaction((trx) => usersWithResettableFactor(users, trx))
    )

    assert.sameMembers([...result], [users[0].id, users[2].id])
    assert.lengthOf(
      sql.filter((statement) => statement.includes('passkeys')),
      1
    )
  })

  test('asks the database nothing when every selected user has an app', async ({ assert }) => {
    const users = await UserFactory.createMany(2)
    for (const user of users) await enableTotp(user)

    const { result, sql } = await recordQueries(() =>
      db.transaction((trx) => usersWithResettableFactor(users, trx))
    )

    assert.sameMembers([...result], [users[0].id, users[1].id])
    assert.lengthOf(
      sql.filter((statement) => statement.includes('passkeys')),
      0
    )
  })
})
