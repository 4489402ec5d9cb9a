import { test } from '@japa/runner'
import { ROW_ID, isRowId } from '#validators/rules/row_id'
import { MAX_ID, recordId } from '#validators/rules/numbers'
import vine from '@vinejs/vine'

/** What a row id is, said the slow way: the decimal text of an integer from 1 to the maximum. */
function isRowIdByArithmetic(text: string): boolean {
  if (!/^[1-9]\d*$/.test(text)) return false
  return BigInt(text) <= BigInt(MAX_ID)
}

test.group('Row ids | the pattern', () => {
  test('accepts exactly the integers from 1 to 2147483647', ({ assert }) => {
    const max = BigInt(MAX_ID)
    const candidates = new Set<bigint>()
    for (let n = 0n; n <= 2000n; n++) candidates.add(n)
    for (let power = 0n; power <= 11n; power++) {
      for (const base of [10n ** power, max - 10n ** power, max + 10n ** power]) {
        for (let step = -12n; step <= 12n; step++) candidates.add(base + step)
      }
    }
    for (let n = 1n; n <= 9n; n++) candidates.add(n * 10n ** 9n + 123_456_789n)

    const wrong = [...candidates]
      .filter((n) => n >= 0n)
      .map(String)
      .filter((text) => ROW_ID.test(text) !== isRowIdByArithmetic(text))
    assert.deepEqual(wrong, [])
    assert.isTrue(ROW_ID.test(String(MAX_ID)))
    assert.isFalse(ROW_ID.test(String(MAX_ID + 1)))
  })

  test('refuses every other way of writing a number', ({ assert }) => {
    for (const text of [
      '',
      ' 1',
      '1 ',
      '+1',
      '-1',
      '01',
      '1.0',
      '1e3',
      '0x1f',
      '１',
      'NaN',
      '1\n',
    ]) {
      assert.isFalse(isRowId(text), JSON.stringify(text))
    }
    assert.isFalse(isRowId(12))
    assert.isTrue(isRowId('12'))
  })

  test('the form rule for ids takes the same range', async ({ assert }) => {
    const validator = vine.create({ id: recordId() })
    assert.deepEqual(await validator.validate({ id: String(MAX_ID) }), { id: MAX_ID })
    for (const id of [0, -1, 1.5, MAX_ID + 1, 1e20, 'abc']) {
      await assert.rejects(() => validator.validate({ id }), /validation/i)
    }
  })
})
