import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import UserSession from '#models/user_session'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits } from '#tests/helpers/accounts'
import { LoggedInBrowser } from '#tests/helpers/form_login'

const PASSWORD = 'password-123'

test.group('Session | login and logout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('the login page renders for guests', async ({ client }) => {
    const response = await client.get('/login').withInertia()

    response.assertStatus(200)
    response.assertInertiaComponent('auth/login')
    response.assertInertiaPropsContains({ next: null })
  })

  test('logs in with the right email and password', async ({ client, assert }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()

    const response = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: 'Ada@Example.com ', password: PASSWORD })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
    const tracked = await UserSession.query().where('user_id', user.id)
    assert.lengthOf(tracked, 1)
  })

  test('gives the session a new id at login (no session fixation)', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'ada@example.com' }).create()

    const request = client
      .post('/login')
      .withCsrfToken()
      .form({ email: 'ada@example.com', password: PASSWORD })
      .redirects(0)
    const before = request.sessionClient.sessionId
    const response = await request

    response.assertSession('auth_web')
    const after = response.cookie('atrium-session')?.value
    assert.isString(after)
    assert.notEqual(after, before)
  })

  test('"remember me" stores a hashed token; without it, none', async ({ client, assert }) => {
    const user = await UserFactory.create()

    await client
      .post('/login')
      .withCsrfToken()
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)
    assert.lengthOf(await db.from('remember_me_tokens').where('tokenable_id', user.id), 0)

    const response = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: user.email, password: PASSWORD, remember: 'true' })
      .redirects(0)
    const rows = await db.from('remember_me_tokens').where('tokenable_id', user.id)
    assert.lengthOf(rows, 1)
    const cookies = ([] as string[]).concat(response.header('set-cookie') ?? [])
    assert.isTrue(cookies.some((cookie) => cookie.startsWith('remember_web=')))
  })

  test('rejects a wrong password without logging in', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'ada@example.com' }).create()

    const response = await client
      .post('/login')
      .withCsrfToken()
      .header('referer', '/login')
      .form({ email: 'ada@example.com', password: 'wrong-password' })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('error', 'The email or password is incorrect.')
    assert.isUndefined(response.session().auth_web)
  })

  test('answers an unknown email exactly like a wrong password', async ({ client, assert }) => {
    const response = await client
      .post('/login')
      .withCsrfToken()
      .header('referer', '/login')
      .form({ email: 'nobody@example.com', password: 'whatever-123' })
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('error', 'The email or password is incorrect.')
    assert.isUndefined(response.session().auth_web)
  })

  test('answers an inactive account like a wrong password, even with the right one', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.apply('inactive').create()

    const response = await client
      .post('/login')
      .withCsrfToken()
      .header('referer', '/login')
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)

    response.assertFlashMessage('error', 'The email or password is incorrect.')
    assert.isUndefined(response.session().auth_web)
  })

  test('a deactivated account is logged out on its next request', async ({ client }) => {
    const user = await UserFactory.create()
    user.isActive = false
    await user.save()

    const response = await client.get('/settings/profile').loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('rejects an invalid email with a field error', async ({ client }) => {
    const response = await client
      .post('/login')
      .withCsrfToken()
      .withInertia()
      .header('referer', '/login')
      .json({ email: 'not-an-email', password: '' })
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['The email field must be a valid email address'],
      password: ['The password field must be defined'],
    })
  })

  test('logs out, ending this session and only this one', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const otherBrowser = await UserSession.create({
      userId: user.id,
      keyHash: 'f'.repeat(64),
      lastSeenAt: DateTime.now(),
    })

    const response = await client.post('/logout').withCsrfToken().loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
    const remaining = await UserSession.query().where('user_id', user.id)
    assert.deepEqual(
      remaining.map((row) => row.id),
      [otherBrowser.id]
    )
  })

  test('a logged-in user is sent away from the login page', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/login').loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
  })
})

test.group('Session | return address', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('a guest asking for a page is sent to log in, told why, and the page is remembered', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/settings/password?tab=1').redirects(0)

    response.assertStatus(302)
    assert.match(response.header('location') ?? '', /^\/login(\?|$)/)
    response.assertFlashMessage('error', 'Log in to see this page.')
    response.assertSession('intended_url', '/settings/password?tab=1')
  })

  test('logging in then leads to the remembered page', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/login')
      .withCsrfToken()
      .withSession({ intended_url: '/settings/password?tab=1' })
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)

    response.assertHeader('location', '/settings/password?tab=1')
  })

  test('a remembered address off the site is ignored', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/login')
      .withCsrfToken()
      .withSession({ intended_url: '//evil.example/x' })
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)

    response.assertHeader('location', '/')
  })

  test('follows a "next" path on this site', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: user.email, password: PASSWORD, next: '/settings/sessions' })
      .redirects(0)

    response.assertHeader('location', '/settings/sessions')
  })

  test('never follows a "next" address off the site', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const attempts = [
      'https://evil.example/phish',
      '//evil.example',
      '/\\evil.example',
      '/%5Cevil.example',
      'javascript:alert(1)',
      ' /\t/evil.example',
    ]

    for (const next of attempts) {
      const response = await client
        .post('/login')
        .withCsrfToken()
        .form({ email: user.email, password: PASSWORD, next })
        .redirects(0)

      response.assertStatus(302)
      const location = new URL(response.header('location')!, 'http://atrium.test')
      assert.equal(location.origin, 'http://atrium.test', `"next=${next}" left the site`)
    }
  })

  test('the login page drops an off-site "next"', async ({ client }) => {
    const response = await client.get('/login?next=//evil.example').withInertia()

    response.assertInertiaPropsContains({ next: null })
  })
})

test.group('Session | throttling', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  async function failLogin(client: ApiClient, email: string, times: number) {
    for (let attempt = 0; attempt < times; attempt++) {
      await client
        .post('/login')
        .withCsrfToken()
        .header('referer', '/login')
        .form({ email, password: 'wrong-password' })
        .redirects(0)
    }
  }

  test('after 5 failures even the right password waits, and says how long', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await failLogin(client, user.email, 5)

    const response = await client
      .post('/login')
      .withCsrfToken()
      .header('referer', '/login')
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('error', 'Too many failed logins. Try again in 5 minutes.')
    assert.isAbove(Number(response.header('retry-after')), 250)
    assert.isUndefined(response.session().auth_web)
  })

  test('JSON clients get 429 with Retry-After', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await failLogin(client, user.email, 5)

    const response = await client
      .post('/login')
      .withCsrfToken()
      .accept('json')
      .json({ email: user.email, password: PASSWORD })

    response.assertStatus(429)
    assert.isAbove(Number(response.header('retry-after')), 250)
    assert.containSubset(response.body(), {
      errors: [{ message: 'Too many failed logins. Try again in 5 minutes.' }],
    })
  })

  test('throttles one email, not the others', async ({ client }) => {
    const victim = await UserFactory.create()
    const other = await UserFactory.create()
    await failLogin(client, victim.email, 5)

    const response = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: other.email, password: PASSWORD })
      .redirects(0)

    response.assertHeader('location', '/')
    response.assertSession('auth_web', other.id)
  })

  test('one address trying many emails is stopped after 50 tries', async ({ client }) => {
    const user = await UserFactory.create()
    for (let attempt = 0; attempt < 50; attempt++) {
      await failLogin(client, `someone-${attempt}@example.com`, 1)
    }

    const response = await client
      .post('/login')
      .withCsrfToken()
      .header('referer', '/login')
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)

    response.assertFlashMessage('error', 'Too many failed logins. Try again in 15 minutes.')
  })

  test('a successful login clears the failures', async ({ client }) => {
    const user = await UserFactory.create()
    await failLogin(client, user.email, 4)
    await client
      .post('/login')
      .withCsrfToken()
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)
    await failLogin(client, user.email, 4)

    const response = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)

    response.assertSession('auth_web', user.id)
  })
})

test.group('Session | deactivation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('deactivating an account ends its sessions and "remember me" tokens', async ({ assert }) => {
    const user = await UserFactory.create()
    const other = await UserFactory.create()
    for (const owner of [user, other]) {
      await UserSession.create({
        userId: owner.id,
        keyHash: `${owner.id}`.padEnd(64, '0'),
        lastSeenAt: DateTime.now(),
      })
      await db.table('remember_me_tokens').insert({
        tokenable_id: owner.id,
        hash: `remember-${owner.id}`,
        created_at: new Date(),
        updated_at: new Date(),
        expires_at: new Date(Date.now() + 86_400_000),
      })
    }

    user.isActive = false
    await user.save()

    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
    assert.lengthOf(await db.from('remember_me_tokens').where('tokenable_id', user.id), 0)
    assert.lengthOf(await UserSession.query().where('user_id', other.id), 1)
    assert.lengthOf(await db.from('remember_me_tokens').where('tokenable_id', other.id), 1)
  })
})

test.group('Session | tracking after a login through the form', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('a session whose row was deleted elsewhere is logged out on its next request', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const browser = await LoggedInBrowser.as(user)
    const before = await browser.visit('/settings/profile')
    assert.equal(before.status, 200)

    await UserSession.query().where('user_id', user.id).delete()

    const ended = await browser.visit('/settings/profile')
    assert.equal(ended.status, 302)
    assert.equal(ended.headers.get('location'), '/login')
    const after = await browser.visit('/settings/profile')
    assert.equal(after.status, 302)
  })

  test('a request writes the last-seen time when it is over 5 minutes old, not before', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const browser = await LoggedInBrowser.as(user)
    const row = await UserSession.findByOrFail('user_id', user.id)
    const recent = DateTime.now().minus({ minutes: 4 }).startOf('second')
    const old = DateTime.now().minus({ minutes: 6 }).startOf('second')

    await row.merge({ lastSeenAt: recent }).save()
    await browser.visit('/settings/profile')
    await row.refresh()
    assert.equal(row.lastSeenAt.toMillis(), recent.toMillis())

    await row.merge({ lastSeenAt: old }).save()
    await browser.visit('/settings/profile')
    await row.refresh()
    assert.isAbove(row.lastSeenAt.toMillis(), DateTime.now().minus({ minutes: 1 }).toMillis())
  })
})
