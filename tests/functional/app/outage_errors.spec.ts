import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { RedisConnection } from '@adonisjs/redis'
import router from '@adonisjs/core/services/router'
import type { PostgreConfig } from '@adonisjs/lucid/types/database'
import redisConfig from '#config/redis'
import { embeddedPage } from '#tests/helpers/html'
import { freePort } from '#tests/helpers/production_server'

/*
| Routes that talk to a Redis and a PostgreSQL that are down (a port nobody listens on), with the
| app's own client settings, registered before the test server commits the router: the errors
| are the clients' real ones.
*/
const closedPort = await freePort()

router.get('/__tests/redis-down', async () => {
  const connection = new RedisConnection('down', {
    ...redisConfig.connections.main,
    port: closedPort,
  })
  try {
    return await connection.get('anything')
  } finally {
    connection.disconnect()
  }
})

router.get('/__tests/database-down', async () => {
  if (!db.manager.has('down')) {
    db.manager.add('down', {
      ...(db.manager.get('pg')!.config as PostgreConfig),
      replicas: undefined,
      connection: { host: '127.0.0.1', port: closedPort, user: 'nobody', database: 'nowhere' },
    })
  }
  return db.connection('down').rawQuery('SELECT 1')
})

const MESSAGE = 'Atrium is briefly unavailable. Please try again in a few seconds.'

test.group('App shell | Redis or the database unreachable', (group) => {
  group.teardown(async () => {
    if (db.manager.has('down')) await db.manager.release('down')
  })

  for (const [service, path] of [
    ['Redis', '/__tests/redis-down'],
    ['the database', '/__tests/database-down'],
  ]) {
    test(`without ${service}, JSON clients get a short 503 at once, with Retry-After`, async ({
      client,
      assert,
    }) => {
      const started = performance.now()
      const response = await client.get(path).accept('json')

      assert.isBelow(performance.now() - started, 3000)
      response.assertStatus(503)
      response.assertHeader('retry-after', '5')
      response.assertBody({ errors: [{ message: MESSAGE, code: 'E_SERVICE_UNAVAILABLE' }] })
    }).timeout(10_000)

    test(`without ${service}, pages show the "briefly unavailable" page`, async ({
      client,
      assert,
    }) => {
      const response = await client.get(path)

      response.assertStatus(503)
      response.assertHeader('retry-after', '5')
      const html = response.text()
      assert.equal(embeddedPage(html).component, 'errors/service_unavailable')
      assert.include(html, 'data-test="status-503"')
      assert.notInclude(html, String(closedPort))

      const visit = await client.get(path).withInertia()
      visit.assertStatus(503)
      visit.assertInertiaComponent('errors/service_unavailable')
    }).timeout(10_000)
  }
})
