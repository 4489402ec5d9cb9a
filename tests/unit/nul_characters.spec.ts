import { test } from '@japa/runner'
import { fieldsWithNul } from '#validators/rules/nul_characters'

test.group('NUL characters | fieldsWithNul', () => {
  test('names each field holding one, as validators name fields', ({ assert }) => {
    const input = {
      title: 'a\u0000b',
      description: 'fine',
      labelIds: ['1', '\u0000'],
      _inlines: { comments: [{ body: 'ok' }, { body: 'x\u0000' }] },
      ['bad\u0000key']: 'value',
      count: 3,
      flag: null,
    }

    assert.deepEqual(fieldsWithNul(input), [
      '_inlines.comments.1.body',
      'bad\\0key',
      'labelIds.1',
      'title',
    ])
  })

  test('finds nothing in clean input, however it is shaped', ({ assert }) => {
    assert.deepEqual(fieldsWithNul({ a: ['b', { c: 'd' }], e: 1, f: true, g: null }), [])
    assert.deepEqual(fieldsWithNul(null), [])
    assert.deepEqual(fieldsWithNul('plain'), [])
  })

  test('reads input nested deeper than the call stack goes', ({ assert }) => {
    let deep: unknown = 'end\u0000'
    for (let level = 0; level < 50_000; level++) deep = [deep]

    assert.deepEqual(fieldsWithNul({ deep }), [`deep${'.0'.repeat(50_000)}`])
  })
})
