import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import User from '#models/user'
import redis from '@adonisjs/redis/services/main'
import { CookieClient } from '#tests/helpers/cookie_client'
import { embeddedPage } from '#tests/helpers/html'
import { createProject } from '#services/projects/projects'
import { LiveStream } from '#tests/helpers/live_stream'
import { type LiveChange, projectChannel } from '#shared/live'
import {
  buildForProduction,
  sharedBackends,
  startProductionServer,
  type ProductionServer,
} from '#tests/helpers/production_server'

const usesRedis = Boolean(process.env.REDIS_URL || process.env.REDIS_HOST)
const PASSWORD = 'two-processes-one-app'

/** The prefix of the rate limiter's keys in Redis. */
const LIMITER_PREFIX = 'rlflx:'

test.group('Production | two app processes, one database', (group) => {
  let first: ProductionServer
  let second: ProductionServer
  let user: User

  group.setup(async () => {
    buildForProduction()
    const env = { ...sharedBackends(), APP_URL: 'http://127.0.0.1' }
    ;[first, second] = await Promise.all([
      startProductionServer({ env: { ...env } }),
      startProductionServer({ env: { ...env } }),
    ])
    return async () => {
      await Promise.all([first.stop(), second.stop()])
    }
  })

  group.each.setup(async () => {
    user = await User.create({
      fullName: 'Scale Out',
      email: `scale-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
      password: PASSWORD,
      emailVerifiedAt: DateTime.now(),
    })
    return async () => {
      await user.delete()
      // Rate-limit counters in Redis outlive the test run; the database's go with its tables.
      if (usesRedis) {
        const counters = await redis.keys(`${LIMITER_PREFIX}login*`)
        if (counters.length > 0) await redis.del(...counters)
      }
    }
  })

  test('a login on one process is valid on the other; a logout on one ends it on both', async ({
    assert,
  }) => {
    const browser = new CookieClient()
    await browser.get(`${first.url}/login`)
    const login = await browser.post(`${first.url}/login`, {
      email: user.email,
      password: PASSWORD,
    })
    assert.equal(login.status, 302)
    assert.equal(login.headers.get('location'), '/')

    const elsewhere = await browser.get(`${second.url}/dashboard`)
    assert.equal(elsewhere.status, 200)
    const here = await browser.get(`${first.url}/dashboard`)
    assert.equal(here.status, 200)

    if (usesRedis) {
      const keys = await redis.keys('*')
      const sessions = keys.filter((key) => !key.startsWith(LIMITER_PREFIX))
      assert.isAbove(sessions.length, 0, 'the session is expected in Redis')
    }

    const logout = await browser.post(`${second.url}/logout`, {})
    assert.equal(logout.status, 302)
    const afterOnFirst = await browser.get(`${first.url}/dashboard`)
    assert.equal(afterOnFirst.status, 302)
    assert.equal(afterOnFirst.headers.get('location'), '/login')
  }).timeout(60_000)

  test('an old session cookie replayed after the logout is refused by both', async ({ assert }) => {
    const browser = new CookieClient()
    await browser.get(`${first.url}/login`)
    await browser.post(`${first.url}/login`, { email: user.email, password: PASSWORD })
    const stolen = browser.cookieHeader

    await browser.post(`${first.url}/logout`, {})

    for (const server of [first, second]) {
      const replay = await fetch(`${server.url}/dashboard`, {
        redirect: 'manual',
        headers: { cookie: stolen },
      })
      assert.equal(replay.status, 302)
      assert.equal(replay.headers.get('location'), '/login')
    }
  }).timeout(60_000)

  test('failed logins count across both processes', async ({ assert }) => {
    const browser = new CookieClient()
    await browser.get(`${first.url}/login`)
    const attempt = (server: ProductionServer) =>
      browser.post(
        `${server.url}/login`,
        { email: user.email, password: 'wrong-password-123' },
        { accept: 'application/json' }
      )

    const statuses: number[] = []
    for (const server of [first, second, first, second, first, second]) {
      const response = await attempt(server)
      statuses.push(response.status)
    }

    // Five wrong tries are allowed per address and IP; the sixth is refused, wherever it lands.
    assert.deepEqual(statuses.slice(0, 5), [400, 400, 400, 400, 400])
    assert.equal(statuses[5], 429)
    const right = await browser.post(
      `${first.url}/login`,
      { email: user.email, password: PASSWORD },
      { accept: 'application/json' }
    )
    assert.equal(right.status, 429)
  }).timeout(60_000)

  test('a change made through one process reaches the live pages held by the other (with Redis) and by its own', async ({
    assert,
    cleanup,
  }) => {
    const project = await createProject(user, { name: 'Live on two processes' })
    cleanup(() => project.delete())
    const browser = new CookieClient()
    await browser.get(`${first.url}/login`)
    await browser.post(`${first.url}/login`, { email: user.email, password: PASSWORD })
    const channel = projectChannel(project.id)
    const onFirst = await LiveStream.open(browser, [channel], { server: first.url })
    const onSecond = await LiveStream.open(browser, [channel], { server: second.url })
    cleanup(() => [onFirst, onSecond].forEach((stream) => stream.close()))
    assert.deepEqual([onFirst.response.status, onSecond.response.status], [200, 200])

    const added = await browser.post(`${first.url}/projects/${project.id}/labels`, {
      name: 'live',
      color: '#123abc',
    })
    assert.equal(added.status, 302)

    const isLabel = (payload: { type: string }) =>
      payload.type === 'change' && (payload as LiveChange).subject === 'label'
    const change = (await onFirst.next(channel, isLabel)) as LiveChange
    assert.equal(change.action, 'created')
    assert.equal(change.actorId, user.id)
    // Without Redis, each process tells only the browsers it holds itself.
    if (usesRedis) assert.deepEqual(await onSecond.next(channel, isLabel), change)
  }).timeout(60_000)

  test('a label added through one process is offered by the next page of the other (with Redis) and of its own', async ({
    assert,
  }) => {
    const project = await createProject(user, { name: 'Two processes' })
    const browser = new CookieClient()
    await browser.get(`${first.url}/login`)
    await browser.post(`${first.url}/login`, { email: user.email, password: PASSWORD })
    const labelsOn = async (server: ProductionServer) => {
      const response = await browser.get(`${server.url}/projects/${project.id}/tasks`)
      const page = embeddedPage(await response.text())
      return (page.props.labels as { name: string }[]).map((label) => label.name)
    }
    try {
      assert.deepEqual(await labelsOn(first), [])
      assert.deepEqual(await labelsOn(second), [])

      const added = await browser.post(`${first.url}/projects/${project.id}/labels`, {
        name: 'shared',
        color: '#123abc',
      })
      assert.equal(added.status, 302)

      assert.deepEqual(await labelsOn(first), ['shared'])
      // Without Redis each process keeps its own cache, and the other one learns of the change
      // when its entry expires (config/cache.ts).
      if (usesRedis) assert.deepEqual(await labelsOn(second), ['shared'])
    } finally {
      await project.delete()
    }
  }).timeout(60_000)
})
