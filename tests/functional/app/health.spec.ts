import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { redisConfigured } from '#config/redis'
import { RedisPingCheck } from '#services/infrastructure/redis_ping_check'
import { BaseCheck, HealthChecks, Result } from '@adonisjs/core/health'

class UnreachableDatabaseCheck extends BaseCheck {
  name = 'Database health check (pg)'
  async run() {
    return Result.failed('connect ECONNREFUSED 127.0.0.1:5432')
  }
}

test.group('Health checks', () => {
  test('live answers 200 while the process serves HTTP', async ({ client }) => {
    const response = await client.get('/health/live')

    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('HEAD works like GET, as some load balancers probe with it', async ({ client }) => {
    for (const path of ['/health/live', '/health/ready']) {
      const response = await client.head(path)
      response.assertStatus(200)
    }
  })

  test('probes start no session and set no cookie', async ({ client, assert }) => {
    for (const path of ['/health/live', '/health/ready']) {
      const response = await client.get(path)
      assert.isUndefined(response.header('set-cookie'), path)
    }
  })

  test('ready answers 200 when the database is reachable', async ({ client, assert }) => {
    const response = await client.get('/health/ready')

    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    const checks = response.body().checks as { name: string; status: string }[]
    // The database always; Redis too when it is configured (REDIS_HOST or REDIS_URL).
    assert.lengthOf(checks, redisConfigured ? 2 : 1)
    assert.isTrue(checks.every((check) => check.status === 'ok'))
    assert.match(checks[0].name, /^Database health check/)
  })

  test('ready answers 503 with the failing check when the database is not', async ({
    client,
    cleanup,
  }) => {
    app.container.swap(HealthChecks, () =>
      new HealthChecks().register([new UnreachableDatabaseCheck()])
    )
    cleanup(() => app.container.restore(HealthChecks))

    const response = await client.get('/health/ready')

    response.assertStatus(503)
    response.assertBody({
      status: 'error',
      checks: [
        {
          name: 'Database health check (pg)',
          status: 'error',
          message: 'connect ECONNREFUSED 127.0.0.1:5432',
        },
      ],
    })
  })
})

test.group('Health checks | Redis', () => {
  test('Redis answering PING passes; no answer fails within two seconds', async ({ assert }) => {
    const answering = new RedisPingCheck(() => ({ ping: async () => 'PONG' }))
    const silent = new RedisPingCheck(() => ({ ping: () => new Promise(() => {}) }))
    const refusing = new RedisPingCheck(() => ({
      ping: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
    }))

    const answered = await answering.run()
    assert.equal(answered.status, 'ok')
    const started = Date.now()
    const timedOut = await silent.run()
    assert.equal(timedOut.status, 'error')
    assert.equal(timedOut.message, 'Redis did not answer PING: no answer within 2000 ms')
    assert.isBelow(Date.now() - started, 2500)
    const refused = await refusing.run()
    assert.equal(refused.message, 'Redis did not answer PING: connect ECONNREFUSED 127.0.0.1:6379')
  }).timeout(5000)

  test('each run asks for the connection again, so a closed one is replaced', async ({
    assert,
  }) => {
    const connections = [
      { ping: async () => Promise.reject(new Error('Connection is closed.')) },
      { ping: async () => 'PONG' },
    ]
    const check = new RedisPingCheck(() => connections.shift()!)

    const during = await check.run()
    const after = await check.run()

    assert.deepEqual([during.status, after.status], ['error', 'ok'])
  })
})
