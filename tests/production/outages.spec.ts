import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import { DateTime } from 'luxon'
import User from '#models/user'
import PasswordResetToken from '#models/password_reset_token'
import db from '@adonisjs/lucid/services/db'
import type { PostgreConfig } from '@adonisjs/lucid/types/database'
import testUtils from '@adonisjs/core/services/test_utils'
import { CookieClient } from '#tests/helpers/cookie_client'
import { embeddedPage } from '#tests/helpers/html'
import { SparePostgres, SpareRedis } from '#tests/helpers/spare_services'
import {
  buildForProduction,
  startProductionServer,
  type ProductionServer,
} from '#tests/helpers/production_server'

/*
| A production process on a Redis and a PostgreSQL of the test's own, which the tests stop and
| start again around live requests: during an outage every request answers 503 quickly, and
| readiness names the broken service; afterwards everything works again within seconds, with the
| same process.
*/

/** The name of the test process's own connection to the spare PostgreSQL. */
const CONNECTION = 'outages'

/** A request during an outage answers within this time (no hang). */
const ANSWER_WITHIN_MS = 3000

/** After the server is back, logins work again within this time. */
const RECOVERY_WITHIN_MS = 5000

const PASSWORD = 'outages-end-by-themselves'

/** How long a function took, with its result. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test.group('Production | outages of Redis and PostgreSQL', (group) => {
  let redis: SpareRedis
  let postgres: SparePostgres
  let server: ProductionServer

  // One hook per resource: when one fails, the cleanups of those already started still run.
  group.setup(() => buildForProduction())
  group.setup(async () => {
    redis = await SpareRedis.start()
    return () => redis.kill()
  })
  group.setup(async () => {
    postgres = await SparePostgres.start()
    return () => postgres.destroy()
  })
  group.setup(async () => {
    const pg = db.manager.get('pg')!.config as PostgreConfig
    db.manager.add(CONNECTION, {
      ...pg,
      replicas: undefined,
      connection: {
        host: '127.0.0.1',
        port: postgres.port,
        user: postgres.user,
        database: postgres.database,
      },
    })
    await testUtils.db(CONNECTION).migrate()
    return () => db.manager.release(CONNECTION)
  })
  group.setup(async () => {
    server = await startProductionServer({
      env: {
        DB_CONNECTION: 'pg',
        DB_HOST: '127.0.0.1',
        DB_PORT: String(postgres.port),
        DB_USER: postgres.user,
        DB_DATABASE: postgres.database,
        REDIS_HOST: '127.0.0.1',
        REDIS_PORT: String(redis.port),
        // Sessions and rate limits in Redis, as a deployment with Redis has them.
        SESSION_DRIVER: undefined,
        MAIL_MAILER: 'mailbox',
      },
    })
    return () => server.stop()
  })

  /**
   * A fresh verified account in the spare database (through a transaction of its connection: a
   * model with recorded activity opens its own transaction on the default one otherwise).
   */
  async function newUser(): Promise<User> {
    return db.connection(CONNECTION).transaction((trx) =>
      User.create(
        {
          fullName: 'Outage Survivor',
          email: `outage-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
          password: PASSWORD,
          emailVerifiedAt: DateTime.now(),
        },
        { client: trx }
      )
    )
  }

  /** Opens the login page and logs in, as a browser does. */
  async function logIn(user: User) {
    const browser = new CookieClient()
    const form = await browser.get(`${server.url}/login`)
    const answer = await browser.post(`${server.url}/login`, {
      email: user.email,
      password: PASSWORD,
    })
    return { browser, form: form.status, status: answer.status, to: answer.headers.get('location') }
  }

  /** Asks for a reset link from the "forgot password" page; answers with the status and target. */
  async function askForReset(user: User) {
    const browser = new CookieClient()
    await browser.get(`${server.url}/forgot-password`)
    const answer = await browser.post(`${server.url}/forgot-password`, { email: user.email })
    return { status: answer.status, to: answer.headers.get('location') }
  }

  async function readiness() {
    const response = await fetch(`${server.url}/health/ready`)
    const body = (await response.json()) as {
      status: string
      checks: { name: string; status: string }[]
    }
    const statusOf = (prefix: string) =>
      body.checks.find((check) => check.name.startsWith(prefix))?.status
    return {
      status: response.status,
      database: statusOf('Database health check'),
      redis: statusOf('Redis health check'),
    }
  }

  /** Polls until a login leads to the dashboard; returns how long that took. */
  async function recoveryTime(user: User): Promise<number> {
    const started = performance.now()
    while (performance.now() - started < RECOVERY_WITHIN_MS) {
      const attempt = await logIn(user)
      const dashboard = await attempt.browser.get(`${server.url}/dashboard`)
      if (dashboard.status === 200) return performance.now() - started
      await sleep(200)
    }
    throw new Error(
      `Logins did not work again within ${RECOVERY_WITHIN_MS} ms:\n${server.output().slice(-3000)}`
    )
  }

  /** What a person does after the outage: logins, the dashboard, a reset link, readiness. */
  async function assertEverythingWorks(assert: Assert, user: User) {
    for (let round = 0; round < 3; round++) {
      const login = await logIn(user)
      assert.deepEqual([login.form, login.status, login.to], [200, 302, '/'])
      const dashboard = await login.browser.get(`${server.url}/dashboard`)
      assert.equal(dashboard.status, 200)
    }
    const tokensBefore = await PasswordResetToken.query({ connection: CONNECTION })
      .where('user_id', user.id)
      .whereNull('used_at')
    const reset = await askForReset(user)
    assert.deepEqual(reset, { status: 302, to: '/forgot-password' })
    const tokensAfter = await PasswordResetToken.query({ connection: CONNECTION })
      .where('user_id', user.id)
      .whereNull('used_at')
    assert.lengthOf(tokensAfter, 1)
    assert.notDeepEqual(
      tokensAfter.map((token) => token.id),
      tokensBefore.map((token) => token.id),
      'a new reset link is issued'
    )
    assert.deepEqual(await readiness(), { status: 200, database: 'ok', redis: 'ok' })
  }

  /**
   * A login form sent during an outage: 503 with the short JSON message, quickly. Each try uses
   * another address, so the tries that reach the database are not throttled as wrong passwords.
   */
  async function assertLoginUnavailable(assert: Assert, browser: CookieClient) {
    const email = `probe-${Math.random().toString(36).slice(2)}@example.com`
    const { value: response, ms } = await timed(() =>
      browser.post(
        `${server.url}/login`,
        { email, password: PASSWORD },
        { accept: 'application/json' }
      )
    )
    assert.isBelow(ms, ANSWER_WITHIN_MS, 'the answer comes without waiting for the outage')
    assert.equal(response.status, 503)
    assert.equal(response.headers.get('retry-after'), '5')
    assert.deepEqual(await response.json(), {
      errors: [
        {
          message: 'Atrium is briefly unavailable. Please try again in a few seconds.',
          code: 'E_SERVICE_UNAVAILABLE',
        },
      ],
    })
  }

  /** A page visited during an outage: the SPA's 503 page, quickly. */
  async function assertPageUnavailable(assert: Assert, browser: CookieClient, path: string) {
    const { value: response, ms } = await timed(() => browser.get(`${server.url}${path}`))
    assert.isBelow(ms, ANSWER_WITHIN_MS)
    assert.equal(response.status, 503)
    assert.equal(response.headers.get('retry-after'), '5')
    const html = await response.text()
    assert.equal(embeddedPage(html).component, 'errors/service_unavailable')
    assert.include(html, 'data-test="status-503"')
  }

  for (const seconds of [0, 1, 6]) {
    test(`after a Redis outage of ${seconds} s, logins and password resets work again at once`, async ({
      assert,
      cleanup,
    }) => {
      cleanup(() => redis.start())
      const user = await newUser()
      await assertEverythingWorks(assert, user)
      const browser = new CookieClient()
      await browser.get(`${server.url}/login`)

      await redis.kill()
      const outageEnds = performance.now() + seconds * 1000
      if (seconds > 0) {
        assert.deepEqual(await readiness(), { status: 503, database: 'ok', redis: 'error' })
        await assertPageUnavailable(assert, new CookieClient(), '/login')
        // Requests keep answering 503 quickly for the whole outage, however long it lasts.
        while (performance.now() < outageEnds) {
          await assertLoginUnavailable(assert, browser)
          await sleep(500)
        }
      }
      await redis.start()

      assert.isBelow(await recoveryTime(user), RECOVERY_WITHIN_MS)
      await assertEverythingWorks(assert, user)
    }).timeout(40_000)
  }

  test('after a PostgreSQL outage, the same process serves every request again', async ({
    assert,
    cleanup,
  }) => {
    cleanup(() => postgres.start())
    const user = await newUser()
    await assertEverythingWorks(assert, user)
    const { browser } = await logIn(user)
    const guest = new CookieClient()
    await guest.get(`${server.url}/login`)

    await postgres.kill()
    const outageEnds = performance.now() + 3000
    assert.deepEqual(await readiness(), { status: 503, database: 'error', redis: 'ok' })
    await assertPageUnavailable(assert, browser, '/dashboard')
    while (performance.now() < outageEnds) {
      await assertLoginUnavailable(assert, guest)
      await sleep(500)
    }
    await postgres.start()

    assert.isBelow(await recoveryTime(user), RECOVERY_WITHIN_MS)
    await assertEverythingWorks(assert, user)
    const dashboard = await browser.get(`${server.url}/dashboard`)
    assert.equal(dashboard.status, 200, 'a session from before the outage still works')
  }).timeout(40_000)
})
