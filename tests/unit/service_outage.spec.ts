import { test } from '@japa/runner'
import { reconnectDelay } from '#config/redis'
import { isServiceOutage } from '#services/infrastructure/service_outage'

/** An Error with extra fields, as the clients raise them. */
function failure(message: string, fields: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), fields)
}

test.group('Service outages | which errors mean "try again soon"', () => {
  test('socket errors, connection SQLSTATEs and client timeouts are outages', ({ assert }) => {
    const outages = [
      failure('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }),
      failure('read ECONNRESET', { code: 'ECONNRESET' }),
      failure('terminating connection due to administrator command', { code: '57P01' }),
      failure('the database system is starting up', { code: '57P03' }),
      failure('connection failure', { code: '08006' }),
      failure('Connection terminated unexpectedly'),
      failure('Client has encountered a connection error and is not queryable'),
      failure('Knex: Timeout acquiring a connection.', { name: 'KnexTimeoutError' }),
      failure('Reached the max retries per request limit', { name: 'MaxRetriesPerRequestError' }),
      failure('Connection is closed.'),
      failure('Command timed out'),
      new AggregateError([failure('connect ECONNREFUSED ::1:6379', { code: 'ECONNREFUSED' })]),
      new Error('Could not save', { cause: failure('x', { code: 'ECONNREFUSED' }) }),
    ]
    for (const error of outages) assert.isTrue(isServiceOutage(error), error.message)
  })

  test('refused queries, bugs and HTTP errors are not', ({ assert }) => {
    const others = [
      failure('duplicate key value violates unique constraint', { code: '23505' }),
      failure('value out of range for type integer', { code: '22003' }),
      failure('Cannot GET:/nowhere', { code: 'E_ROUTE_NOT_FOUND', status: 404 }),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'Connection is closed.',
      null,
    ]
    for (const error of others) assert.isFalse(isServiceOutage(error), String(error))
  })
})

test.group('Redis | reconnection', () => {
  test('never gives up, and waits at most a second between attempts', ({ assert }) => {
    const delays = Array.from({ length: 100_000 }, (_, index) => reconnectDelay(index + 1))

    assert.isTrue(delays.every((delay) => typeof delay === 'number' && delay > 0))
    assert.equal(Math.max(...delays), 1000)
    assert.deepEqual(delays.slice(0, 3), [100, 200, 300])
  })
})
