import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
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

  test('ready answers 200 when the database is reachable', async ({ client, assert }) => {
    const response = await client.get('/health/ready')

    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.lengthOf(response.body().checks, 1)
    assert.equal(response.body().checks[0].status, 'ok')
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
