import { test } from '@japa/runner'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import {
  nameRepeatedStatements,
  type PgConnection,
} from '#services/infrastructure/pg_named_statements'

type Rows = { rows: Record<string, unknown>[] }

/** A new connection outside the app's pool (so without its named statements). */
async function connect(): Promise<PgConnection & { end(): Promise<void> }> {
  return db.connection().getWriteClient().client.acquireRawConnection()
}

/** Runs a query the way knex does: a config object and a callback. */
function run(client: PgConnection, text: string, values: unknown[] = []): Promise<Rows> {
  return new Promise((resolve, reject) => {
    client.query({ text, values }, (error: Error | null, result: Rows) =>
      error ? reject(error) : resolve(result)
    )
  })
}

/** The connection's prepared statements: name, text and how many times each ran. */
async function preparedOn(client: PgConnection) {
  const { rows } = await run(
    client,
    `select name, statement, (generic_plans + custom_plans)::int as runs
     from pg_prepared_statements where name like $1 order by name`,
    ['atrium\\_%']
  )
  return rows
}

const BY_NUMBER = 'select n, n * 2 as twice from generate_series(1, 5) as n where n > $1 order by n'

/* node-postgres and PostgreSQL only: these run when the suite runs with DB_CONNECTION=pg. */
if (env.get('DB_CONNECTION') === 'pg') {
  test.group('PostgreSQL statements | named', (group) => {
    let clients: { end(): Promise<void> }[] = []
    group.each.teardown(async () => {
      await Promise.all(clients.splice(0).map((client) => client.end()))
    })
    const open = async () => {
      const client = await connect()
      clients.push(client)
      return client
    }

    test('a repeated query is prepared once and reused, with the same rows', async ({ assert }) => {
      const plain = await open()
      const named = await open()
      nameRepeatedStatements(named, 10)

      const expected = await run(plain, BY_NUMBER, [2])
      const runs = [
        await run(named, BY_NUMBER, [2]),
        await run(named, BY_NUMBER, [2]),
        await run(named, BY_NUMBER, [3]),
      ]

      assert.deepEqual(await preparedOn(named), [
        { name: 'atrium_1', statement: BY_NUMBER, runs: 2 },
      ])
      assert.deepEqual(await preparedOn(plain), [])
      assert.deepEqual(runs[0].rows, expected.rows)
      assert.deepEqual(runs[1].rows, expected.rows)
      assert.deepEqual(runs[2].rows, [
        { n: 4, twice: 8 },
        { n: 5, twice: 10 },
      ])
    })

    test('names given up past the limit are deallocated on the server', async ({ assert }) => {
      const client = await open()
      nameRepeatedStatements(client, 2)
      const texts = [1, 2, 3].map((n) => `select ${n} as n where $1::int > 0`)

      for (const text of texts) {
        await run(client, text, [1])
        await run(client, text, [1])
      }
      const rows = await run(client, texts[2], [1])
      const prepared = await preparedOn(client)

      assert.deepEqual(rows.rows, [{ n: 3 }])
      assert.deepEqual(
        prepared.map(({ name }) => name),
        ['atrium_2', 'atrium_3']
      )
    })

    test('a query whose columns changed runs again unnamed outside a transaction', async ({
      assert,
    }) => {
      const client = await open()
      nameRepeatedStatements(client, 10)
      await run(client, 'create temporary table probe (id int)')
      await run(client, 'insert into probe values (1)')
      const select = 'select * from probe where id = $1'
      await run(client, select, [1])
      await run(client, select, [1])

      await run(client, 'alter table probe add column note text')
      const rows = await run(client, select, [1])

      assert.deepEqual(rows.rows, [{ id: 1, note: null }])
      assert.deepEqual(await preparedOn(client), [])
    })

    test('inside a transaction the changed columns fail, and the next run prepares afresh', async ({
      assert,
    }) => {
      const client = await open()
      nameRepeatedStatements(client, 10)
      await run(client, 'create temporary table probe (id int)')
      await run(client, 'insert into probe values (1)')
      const select = 'select * from probe where id = $1'
      await run(client, select, [1])
      await run(client, select, [1])
      await run(client, 'alter table probe add column note text')

      await run(client, 'begin')
      await assert.rejects(() => run(client, select, [1]), /cached plan must not change/)
      await run(client, 'rollback')
      await run(client, select, [1])
      const rows = await run(client, select, [1])

      assert.deepEqual(rows.rows, [{ id: 1, note: null }])
      assert.deepEqual(await preparedOn(client), [{ name: 'atrium_2', statement: select, runs: 1 }])
    })

    test('a limit of 0 names nothing', async ({ assert }) => {
      const client = await open()
      nameRepeatedStatements(client, 0)

      await run(client, BY_NUMBER, [1])
      await run(client, BY_NUMBER, [1])

      assert.deepEqual(await preparedOn(client), [])
    })
  })
}
