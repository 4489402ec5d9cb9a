import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { CookieClient } from '#tests/helpers/cookie_client'
import { testServerUrl } from '#tests/helpers/test_server'
import { embeddedPage } from '#tests/helpers/html'
import { clearRateLimits } from '#tests/helpers/accounts'
import { WRITTEN_AT_KEY } from '#services/http/write_on_change_session'

const PASSWORD = 'password-123'
const MINUTE = 60_000

/** The names of the cookies a response sets. */
function cookiesSet(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split('=')[0])
}

test.group('App shell | cookies are written when they change', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('a second visit with an unchanged session sets no cookie', async ({ assert }) => {
    const browser = new CookieClient()

    const first = await browser.get(testServerUrl('/login'))
    const { version } = embeddedPage(await first.text()) as unknown as { version: string }
    const second = await browser.get(testServerUrl('/login'))
    const third = await browser.get(testServerUrl('/login'), {
      'x-inertia': 'true',
      'x-inertia-version': version,
    })

    assert.equal(first.status, 200)
    assert.sameMembers(cookiesSet(first), ['atrium-session', 'XSRF-TOKEN'])
    assert.equal(second.status, 200)
    assert.deepEqual(cookiesSet(second), [])
    assert.equal(third.status, 200)
    assert.deepEqual(cookiesSet(third), [])
  })

  test('a logged-in visit that changes nothing sets no cookie', async ({ assert }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()
    const browser = new CookieClient()
    await browser.get(testServerUrl('/login'))
    await browser.post(testServerUrl('/login'), { email: user.email, password: PASSWORD })
    await browser.get(testServerUrl('/dashboard'))

    const again = await browser.get(testServerUrl('/dashboard'))

    assert.equal(again.status, 200)
    assert.deepEqual(cookiesSet(again), [])
  })

  test('logging in sets both cookies again', async ({ assert }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()
    const browser = new CookieClient()
    await browser.get(testServerUrl('/login'))
    const sessionBefore = browser.cookie('atrium-session')

    const login = await browser.post(testServerUrl('/login'), {
      email: user.email,
      password: PASSWORD,
    })
    const dashboard = await browser.get(testServerUrl('/dashboard'))

    assert.equal(login.status, 302)
    assert.equal(login.headers.get('location'), '/')
    assert.includeMembers(cookiesSet(login), ['atrium-session', 'XSRF-TOKEN'])
    assert.notEqual(browser.cookie('atrium-session'), sessionBefore)
    assert.equal(dashboard.status, 200)
  })

  test('a flash message is written, shown once, then cleared', async ({ assert }) => {
    const browser = new CookieClient()
    await browser.get(testServerUrl('/login'))

    const refused = await browser.post(
      testServerUrl('/login'),
      { email: 'someone@example.com', password: 'whatever' },
      { 'x-xsrf-token': 'e:not-a-token', 'referer': testServerUrl('/login') }
    )
    const shown = await browser.get(testServerUrl('/login'))
    const after = await browser.get(testServerUrl('/login'))

    assert.equal(refused.status, 302)
    assert.include(cookiesSet(refused), 'atrium-session')
    const page = embeddedPage(await shown.text()) as unknown as { flash: Record<string, unknown> }
    assert.equal(page.flash.error, 'This form expired. Your input is kept: please send it again.')
    assert.include(cookiesSet(shown), 'atrium-session')
    const pageAfter = embeddedPage(await after.text()) as unknown as { flash: unknown }
    assert.deepEqual(pageAfter.flash, { success: null, error: null })
    assert.deepEqual(cookiesSet(after), [])
  })

  test('the XSRF cookie of the first visit still passes the CSRF check later', async ({
    assert,
  }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()
    const browser = new CookieClient()
    await browser.get(testServerUrl('/login'))
    const xsrf = browser.cookie('XSRF-TOKEN')
    await browser.get(testServerUrl('/login'))
    await browser.get(testServerUrl('/login'))

    const login = await browser.post(testServerUrl('/login'), {
      email: user.email,
      password: PASSWORD,
    })

    assert.isString(xsrf)
    assert.equal(login.status, 302)
    assert.equal(login.headers.get('location'), '/')
  })

  test('a form post without a token or with a wrong one is refused', async ({ assert }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()
    const browser = new CookieClient()
    await browser.get(testServerUrl('/login'))
    const fields = { email: user.email, password: PASSWORD }
    const back = { referer: testServerUrl('/login') }

    const withoutToken = await browser.post(testServerUrl('/login'), fields, {
      ...back,
      'x-xsrf-token': '',
    })
    const withWrongToken = await browser.post(testServerUrl('/login'), fields, {
      ...back,
      'x-csrf-token': 'abc-def',
    })
    const dashboard = await browser.get(testServerUrl('/dashboard'))

    assert.equal(withoutToken.status, 302)
    assert.equal(withoutToken.headers.get('location'), testServerUrl('/login'))
    assert.equal(withWrongToken.status, 302)
    assert.equal(withWrongToken.headers.get('location'), testServerUrl('/login'))
    assert.equal(dashboard.status, 302)
    assert.equal(dashboard.headers.get('location'), '/login')
  })

  test('logging out ends the login', async ({ assert }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()
    const browser = new CookieClient()
    await browser.get(testServerUrl('/login'))
    await browser.post(testServerUrl('/login'), { email: user.email, password: PASSWORD })
    await browser.get(testServerUrl('/dashboard'))

    const logout = await browser.post(testServerUrl('/logout'), {})
    const dashboard = await browser.get(testServerUrl('/dashboard'))

    assert.equal(logout.status, 302)
    assert.equal(logout.headers.get('location'), '/login')
    assert.include(cookiesSet(logout), 'atrium-session')
    assert.equal(dashboard.status, 302)
    assert.equal(dashboard.headers.get('location'), '/login')
  })
})

test.group('App shell | session expiry', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unchanged session is written again once a quarter of its age has passed', async ({
    client,
  }) => {
    const recent = await client
      .get('/login')
      .withSession({ 'csrf-secret': 'a-secret', [WRITTEN_AT_KEY]: Date.now() - 29 * MINUTE })
    const due = await client
      .get('/login')
      .withSession({ 'csrf-secret': 'a-secret', [WRITTEN_AT_KEY]: Date.now() - 31 * MINUTE })

    recent.assertStatus(200)
    recent.assertCookieMissing('atrium-session')
    due.assertStatus(200)
    due.assertCookie('atrium-session')
  })

  test('a session last written longer ago than its age has ended', async ({ client }) => {
    const user = await UserFactory.create()

    const within = await client
      .get('/dashboard')
      .withSession({ auth_web: user.id, [WRITTEN_AT_KEY]: Date.now() - 119 * MINUTE })
      .redirects(0)
    const expired = await client
      .get('/dashboard')
      .withSession({ auth_web: user.id, [WRITTEN_AT_KEY]: Date.now() - 121 * MINUTE })
      .redirects(0)

    within.assertStatus(200)
    expired.assertStatus(302)
    expired.assertHeader('location', '/login')
  })
})
