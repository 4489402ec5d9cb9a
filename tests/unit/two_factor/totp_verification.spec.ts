import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { enableTotp, STEP_MS } from '#tests/helpers/two_factor'
import { consumeTotpCode, stepOfCode } from '#services/two_factor/totp_verification'
import { totpOf } from '#services/two_factor/totp_secret'

/** A moment in the middle of a step, so "one step earlier" never straddles a boundary. */
const NOW = Math.floor(Date.now() / STEP_MS) * STEP_MS + STEP_MS / 2

function codeAt(secret: string, steps: number) {
  return totpOf(secret).generate({ timestamp: NOW + steps * STEP_MS })
}

test.group('Two-factor | TOTP window', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('accepts the codes of the previous, current and next step', async ({ assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const current = Math.floor(NOW / STEP_MS)

    assert.equal(stepOfCode(user, codeAt(secret, -1), NOW), current - 1)
    assert.equal(stepOfCode(user, codeAt(secret, 0), NOW), current)
    assert.equal(stepOfCode(user, codeAt(secret, 1), NOW), current + 1)
  })

  test('refuses the codes of two steps before or after', async ({ assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    assert.isNull(stepOfCode(user, codeAt(secret, -2), NOW))
    assert.isNull(stepOfCode(user, codeAt(secret, 2), NOW))
    assert.isFalse(await consumeTotpCode(user, codeAt(secret, 2), { timestamp: NOW }))
    assert.isFalse(await consumeTotpCode(user, codeAt(secret, -2), { timestamp: NOW }))
  })

  test('refuses what is not a 6-digit code, and a code of another secret', async ({ assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const other = await UserFactory.create()
    const { secret: otherSecret } = await enableTotp(other)

    assert.isNull(stepOfCode(user, 'abcdef', NOW))
    assert.isNull(stepOfCode(user, codeAt(secret, 0).slice(0, 5), NOW))
    if (codeAt(otherSecret, 0) !== codeAt(secret, 0)) {
      assert.isNull(stepOfCode(user, codeAt(otherSecret, 0), NOW))
    }
    assert.equal(
      stepOfCode(user, `${codeAt(secret, 0).slice(0, 3)} ${codeAt(secret, 0).slice(3)}`, NOW),
      Math.floor(NOW / STEP_MS)
    )
  })
})

test.group('Two-factor | replay', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a code passes once; the same code again is refused', async ({ assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const code = codeAt(secret, 0)

    assert.isTrue(await consumeTotpCode(user, code, { timestamp: NOW }))
    assert.isFalse(await consumeTotpCode(user, code, { timestamp: NOW }))
    const fresh = await User.findOrFail(user.id)
    assert.isFalse(await consumeTotpCode(fresh, code, { timestamp: NOW }))
    const row = await db.from('users').where('id', user.id).first()
    assert.equal(Number(row.two_factor_last_step), Math.floor(NOW / STEP_MS))
  })

  test('after a code, an earlier step is refused and a later one passes', async ({ assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    assert.isTrue(await consumeTotpCode(user, codeAt(secret, 0), { timestamp: NOW }))
    assert.isFalse(await consumeTotpCode(user, codeAt(secret, -1), { timestamp: NOW }))
    assert.isTrue(await consumeTotpCode(user, codeAt(secret, 1), { timestamp: NOW }))
  })

  test('of two uses of one code at once, only one passes', async ({ assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const code = codeAt(secret, 0)
    const copies = [await User.findOrFail(user.id), await User.findOrFail(user.id)]

    const results = await Promise.all(
      copies.map((copy) => consumeTotpCode(copy, code, { timestamp: NOW }))
    )
    assert.deepEqual(results.sort(), [false, true])
  })
})
