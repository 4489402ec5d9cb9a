import { test } from '@japa/runner'
import { StatementNames } from '#services/infrastructure/pg_statement_names'
import { RecentlyUsed } from '#services/infrastructure/recently_used'

test.group('Statement names | naming', () => {
  test('a text is named on its second run, with the same name ever after', ({ assert }) => {
    const names = new StatementNames(10)

    const first = names.nameFor('select * from users where id = $1')
    const second = names.nameFor('select * from users where id = $1')
    const third = names.nameFor('select * from users where id = $1')

    assert.isUndefined(first)
    assert.equal(second, 'atrium_1')
    assert.equal(third, 'atrium_1')
  })

  test('past the limit, the least recently used text gives up its name for good', ({ assert }) => {
    const names = new StatementNames(2)
    const twice = (sql: string) => (names.nameFor(sql), names.nameFor(sql))

    assert.equal(twice('a'), 'atrium_1')
    assert.equal(twice('b'), 'atrium_2')
    assert.equal(names.nameFor('a'), 'atrium_1')
    assert.equal(twice('c'), 'atrium_3')

    assert.deepEqual(names.takeStale(), ['atrium_2'])
    assert.deepEqual(names.takeStale(), [])
    assert.isUndefined(names.nameFor('b'))
    assert.equal(names.nameFor('b'), 'atrium_4')
    assert.deepEqual(names.takeStale(), ['atrium_1'])
  })

  test('a forgotten text gives up its name and is named afresh', ({ assert }) => {
    const names = new StatementNames(10)
    names.nameFor('a')
    names.nameFor('a')

    names.forget('a')

    assert.deepEqual(names.takeStale(), ['atrium_1'])
    assert.isUndefined(names.nameFor('a'))
    assert.equal(names.nameFor('a'), 'atrium_2')
  })

  test('texts run once are remembered up to four times the limit', ({ assert }) => {
    const names = new StatementNames(1)
    for (const sql of ['a', 'b', 'c', 'd', 'e']) names.nameFor(sql)

    assert.isUndefined(names.nameFor('a'))
    assert.equal(names.nameFor('e'), 'atrium_1')
  })
})

test.group('Recently used | bound', () => {
  test('drops the least recently read or written entry past its limit', ({ assert }) => {
    const entries = new RecentlyUsed<number>(2)
    entries.set('a', 1)
    entries.set('b', 2)
    entries.get('a')

    const dropped = entries.set('c', 3)

    assert.equal(dropped, 2)
    assert.equal(entries.size, 2)
    assert.equal(entries.get('a'), 1)
    assert.isUndefined(entries.get('b'))
  })
})
