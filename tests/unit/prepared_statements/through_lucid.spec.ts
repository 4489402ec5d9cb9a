import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { isUniqueViolation, violatedIndexOf } from '#services/records/unique_violation'

/** A query of the migrations table under a column alias no other test uses: a text never run. */
function freshQuery() {
  const alias = `name_${randomUUID().slice(0, 8)}`
  return (client: QueryClientContract = db.connection()) =>
    client.from('adonis_schema').select(`name as ${alias}`).where('batch', '>', 0).orderBy('id')
}

/* The app's own connections, as config/database.ts sets them up. */
if (env.get('DB_CONNECTION', 'sqlite') === 'sqlite') {
  test.group('Prepared statements | Lucid on SQLite', () => {
    test('a query runs on the statement its connection prepared before', async ({ assert }) => {
      const query = freshQuery()
      const client = db.connection().getWriteClient().client
      const connection = await client.acquireConnection()
      const statement = connection.prepare(query().toSQL().sql)
      await client.releaseConnection(connection)
      const all = statement.all.bind(statement)
      let runs = 0
      statement.all = (...values: unknown[]) => (runs++, all(...values))

      const first = await query()
      const second = await query()
      const inTransaction = await db.transaction((trx) => query(trx))

      assert.equal(runs, 3)
      assert.isAbove(first.length, 0)
      assert.deepEqual(second, first)
      assert.deepEqual(inTransaction, first)
    })
  })
}

if (env.get('DB_CONNECTION') === 'pg') {
  test.group('Prepared statements | Lucid on PostgreSQL', () => {
    test('a repeated query is prepared once on its connection and reused', async ({ assert }) => {
      const query = freshQuery()
      const sql = query().toSQL().toNative().sql

      const { runs, prepared } = await db.transaction(async (trx) => {
        const results = [await query(trx), await query(trx), await query(trx)]
        const statements = await trx.rawQuery(
          `select (generic_plans + custom_plans)::int as runs
           from pg_prepared_statements where statement = ?`,
          [sql]
        )
        return { runs: results, prepared: statements.rows }
      })

      assert.deepEqual(prepared, [{ runs: 2 }])
      assert.isAbove(runs[0].length, 0)
      assert.deepEqual(runs[1], runs[0])
      assert.deepEqual(runs[2], runs[0])
    })
  })
}

test.group('Prepared statements | Lucid', () => {
  /** A table made inside a transaction, gone with its rollback. */
  const createProbe = (trx: TransactionClientContract) =>
    trx.schema.createTable('probe', (table) => {
      table.increments('id')
      table.string('name', 20).unique()
    })

  test('a transaction reads its own writes and a rollback undoes them', async ({ assert }) => {
    const counts: number[] = []
    await assert.rejects(
      () =>
        db.transaction(async (trx) => {
          await createProbe(trx)
          for (const name of ['a', 'b', 'c']) {
            await trx.table('probe').insert({ name })
            const rows = await trx.from('probe').where('id', '>', 0).select('name')
            counts.push(rows.length)
          }
          throw new Error('roll back')
        }),
      'roll back'
    )

    const probeLeft = await db.connection().schema.hasTable('probe')

    assert.deepEqual(counts, [1, 2, 3])
    assert.isFalse(probeLeft)
  })

  test('a unique violation from a reused statement reads as before', async ({ assert }) => {
    let error: unknown
    await db
      .transaction(async (trx) => {
        await createProbe(trx)
        await trx.table('probe').insert({ name: 'a' })
        await trx.table('probe').insert({ name: 'b' })
        await trx.table('probe').insert({ name: 'a' })
      })
      .catch((caught) => (error = caught))

    assert.isTrue(isUniqueViolation(error))
    assert.deepEqual(violatedIndexOf(error), { table: 'probe', columns: ['name'] })
    assert.lengthOf(await db.from('adonis_schema').where('batch', '>', 0).select('id').limit(1), 1)
  })
})
