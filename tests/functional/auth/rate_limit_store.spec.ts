import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { errors } from '@adonisjs/limiter'

/*
| The default store in production is the database (rate_limits table).
| The other suites count in memory, because the database store writes
| outside the per-test transaction; this group drives the real store.
*/
test.group('Rate limits | database store', (group) => {
  group.each.setup(async () => {
    await db.from('rate_limits').delete()
    return async () => {
      await db.from('rate_limits').delete()
    }
  })

  test('counts in the rate_limits table and blocks past the limit', async ({ assert }) => {
    const store = limiter.use('database', {
      requests: 2,
      duration: '1 min',
      blockDuration: '1 min',
    })

    await store.consume('login:ada@example.com:127.0.0.1')
    await store.consume('login:ada@example.com:127.0.0.1')
    const rows = await db.from('rate_limits').select('key', 'points')
    assert.lengthOf(rows, 1)
    assert.include(rows[0].key, 'login:ada@example.com:127.0.0.1')
    assert.equal(Number(rows[0].points), 2)

    await assert.rejects(
      () => store.consume('login:ada@example.com:127.0.0.1'),
      errors.E_TOO_MANY_REQUESTS
    )
    assert.isAbove(await store.availableIn('login:ada@example.com:127.0.0.1'), 0)
  })

  test('keys are independent', async ({ assert }) => {
    const store = limiter.use('database', { requests: 1, duration: '1 min' })

    await store.consume('reset:a@example.com:127.0.0.1')
    await store.consume('reset:b@example.com:127.0.0.1')

    assert.equal(await store.remaining('reset:a@example.com:127.0.0.1'), 0)
    assert.equal(await store.remaining('reset:c@example.com:127.0.0.1'), 1)
  })
})
