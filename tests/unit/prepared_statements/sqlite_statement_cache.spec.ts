import { test } from '@japa/runner'
import { createRequire } from 'node:module'
import { cacheStatements } from '#services/infrastructure/sqlite_statement_cache'

type Statement = {
  busy: boolean
  safeIntegers(toggle?: boolean): Statement
  all(...values: unknown[]): unknown[]
  iterate(...values: unknown[]): IterableIterator<unknown>
}
type Database = { prepare(sql: string): Statement; exec(sql: string): void; close(): void }

const Sqlite = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => Database

/** An in-memory database with a few rows, its `prepare` counting what reaches SQLite. */
function database() {
  const connection = new Sqlite(':memory:')
  connection.exec(
    "create table tasks (id integer primary key, title text); insert into tasks (title) values ('a'), ('b'), ('c')"
  )
  const prepared: string[] = []
  const prepare = connection.prepare.bind(connection)
  connection.prepare = (sql) => (prepared.push(sql), prepare(sql))
  return { connection, prepared }
}

const BY_ID = 'select * from tasks where id > ? order by id'

test.group('SQLite statements | reuse', (group) => {
  let close: (() => void)[] = []
  group.each.teardown(() => close.splice(0).forEach((fn) => fn()))
  const open = () => {
    const opened = database()
    close.push(() => opened.connection.close())
    return opened
  }

  test('a repeated text runs on the statement prepared the first time', ({ assert }) => {
    const { connection, prepared } = open()
    const fresh = connection.prepare(BY_ID).all(1)
    prepared.length = 0
    cacheStatements(connection, 10)

    const first = connection.prepare(BY_ID)
    const again = connection.prepare(BY_ID)

    assert.strictEqual(again, first)
    assert.deepEqual(prepared, [BY_ID])
    assert.deepEqual(again.all(1), fresh)
    assert.deepEqual(fresh, [
      { id: 2, title: 'b' },
      { id: 3, title: 'c' },
    ])
  })

  test('keeps the limit of statements, dropping the least recently used', ({ assert }) => {
    const { connection, prepared } = open()
    cacheStatements(connection, 2)

    connection.prepare('select 1')
    connection.prepare('select 2')
    connection.prepare('select 1')
    connection.prepare('select 3')
    connection.prepare('select 1')
    connection.prepare('select 2')

    assert.deepEqual(prepared, ['select 1', 'select 2', 'select 3', 'select 2'])
  })

  test('a statement still being iterated is not handed out again', ({ assert }) => {
    const { connection } = open()
    cacheStatements(connection, 10)
    const reading = connection.prepare(BY_ID)
    const rows = reading.iterate(0)
    rows.next()

    const other = connection.prepare(BY_ID)

    assert.notStrictEqual(other, reading)
    assert.lengthOf(other.all(0), 3)
    assert.lengthOf([...rows], 2)
  })

  test('a reused statement reads integers as numbers again', ({ assert }) => {
    const { connection } = open()
    cacheStatements(connection, 10)
    connection.prepare('select count(*) as count from tasks').safeIntegers(true)

    const reused = connection.prepare('select count(*) as count from tasks')

    assert.deepEqual(reused.all(), [{ count: 3 }])
  })

  test('a limit of 0 leaves the connection as it was', ({ assert }) => {
    const { connection, prepared } = open()
    cacheStatements(connection, 0)

    assert.notStrictEqual(connection.prepare('select 1'), connection.prepare('select 1'))
    assert.lengthOf(prepared, 2)
  })
})
