import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { enableTotp } from '#tests/helpers/two_factor'
import {
  consumeRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodeHash,
  regenerateRecoveryCodes,
  remainingRecoveryCodes,
} from '#services/two_factor/recovery_codes'

test.group('Two-factor | recovery codes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('makes 10 distinct readable codes, stored only as keyed hashes', async ({ assert }) => {
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)

    assert.lengthOf(recoveryCodes, RECOVERY_CODE_COUNT)
    assert.lengthOf(new Set(recoveryCodes), RECOVERY_CODE_COUNT)
    for (const code of recoveryCodes) assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/)
    const rows = await db.from('two_factor_recovery_codes').where('user_id', user.id)
    assert.sameMembers(
      rows.map((row) => row.code_hash),
      recoveryCodes.map(recoveryCodeHash)
    )
    for (const row of rows) assert.notInclude(recoveryCodes, row.code_hash)
  })

  test('a code works once; the second use is refused', async ({ assert }) => {
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)

    assert.isTrue(await consumeRecoveryCode(user, recoveryCodes[3]))
    assert.isFalse(await consumeRecoveryCode(user, recoveryCodes[3]))
    assert.equal(await remainingRecoveryCodes(user), RECOVERY_CODE_COUNT - 1)
  })

  test('takes a code typed in capitals without its dash', async ({ assert }) => {
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)

    assert.isTrue(
      await consumeRecoveryCode(user, ` ${recoveryCodes[0].replace('-', '').toUpperCase()} `)
    )
  })

  test("refuses another user's code and an unknown one", async ({ assert }) => {
    const user = await UserFactory.create()
    await enableTotp(user)
    const other = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(other)

    assert.isFalse(await consumeRecoveryCode(user, recoveryCodes[0]))
    assert.isFalse(await consumeRecoveryCode(user, 'aaaaa-aaaaa'))
    assert.equal(await remainingRecoveryCodes(other), RECOVERY_CODE_COUNT)
  })

  test('new codes replace the old ones', async ({ assert }) => {
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)

    const fresh = await db.transaction((trx) => regenerateRecoveryCodes(user, trx))
    assert.isFalse(await consumeRecoveryCode(user, recoveryCodes[0]))
    assert.isTrue(await consumeRecoveryCode(user, fresh[0]))
  })
})
