import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { Exception } from '@adonisjs/core/exceptions'
import testUtils from '@adonisjs/core/services/test_utils'
import { embeddedPage } from '#tests/helpers/html'
import { CookieClient } from '#tests/helpers/cookie_client'
import { testServerUrl } from '#tests/helpers/test_server'
import { UserFactory } from '#database/factories/user_factory'

/*
| Routes that fail on purpose, registered before the test server commits
| the router, to check how each kind of failure is answered.
*/
router.get('/__tests/forbidden', () => {
  throw new Exception('Not for you', { status: 403, code: 'E_TEST_FORBIDDEN' })
})
router.get('/__tests/crash', () => {
  throw new Error('secret internal detail')
})

test.group('App shell | error pages', () => {
  test('an unknown URL renders the 404 page inside the app layout', async ({ client, assert }) => {
    const response = await client.get('/no/such/page')

    response.assertStatus(404)
    const html = response.text()
    assert.equal(embeddedPage(html).component, 'errors/not_found')
    assert.include(html, 'data-test="status-404"')
    assert.include(html, '<nav aria-label="Main"')
  })

  test('an unknown URL visited through Inertia answers 404 with the page', async ({ client }) => {
    const response = await client.get('/no/such/page').withInertia()

    response.assertStatus(404)
    response.assertInertiaComponent('errors/not_found')
  })

  test('a forbidden action renders the 403 page', async ({ client, assert }) => {
    const response = await client.get('/__tests/forbidden')

    response.assertStatus(403)
    assert.equal(embeddedPage(response.text()).component, 'errors/forbidden')
  })

  test('a crash renders the 500 page without the error or a stack trace', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/__tests/crash')

    response.assertStatus(500)
    const html = response.text()
    assert.equal(embeddedPage(html).component, 'errors/server_error')
    assert.notInclude(html, 'secret internal detail')
    assert.notInclude(html, 'errors.spec.ts')
  })

  test('JSON clients get errors as { errors: [...] } without internals', async ({ client }) => {
    const notFound = await client.get('/no/such/page').accept('json')
    notFound.assertStatus(404)
    notFound.assertBody({
      errors: [{ message: 'Cannot GET:/no/such/page', code: 'E_ROUTE_NOT_FOUND' }],
    })

    const crash = await client.get('/__tests/crash').accept('json')
    crash.assertStatus(500)
    crash.assertBody({ errors: [{ message: 'Internal server error' }] })
  })
})

test.group('App shell | error pages keep the visitor', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a logged-in user gets the 404 page with their own navigation', async ({ client }) => {
    const user = await UserFactory.merge({ fullName: 'Ada Lovelace' }).create()

    const response = await client.get('/no/such/page').withInertia().loginAs(user)

    response.assertStatus(404)
    response.assertInertiaComponent('errors/not_found')
    response.assertInertiaPropsContains({
      user: { id: user.id, fullName: 'Ada Lovelace' },
      abilities: { enterAdmin: false, manageUsers: false },
    })
  })

  test('a staff user gets the 404 page with the admin link', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()

    const response = await client.get('/projects/1/no/such/page').withInertia().loginAs(staff)

    response.assertStatus(404)
    response.assertInertiaComponent('errors/not_found')
    response.assertInertiaPropsContains({ user: { id: staff.id }, abilities: { enterAdmin: true } })
  })

  test('the server-rendered 404 page shows the account menu, not "Log in"', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ fullName: 'Ada Lovelace' }).create()

    const response = await client.get('/no/such/page').loginAs(user)

    response.assertStatus(404)
    const html = response.text()
    assert.equal(embeddedPage(html).props.user.fullName, 'Ada Lovelace')
    assert.include(html, 'aria-label="Account menu"')
    assert.notInclude(html, '>Log in<')
  })

  test('the 403 and 500 pages keep the logged-in user', async ({ client }) => {
    const user = await UserFactory.create()

    const forbidden = await client.get('/__tests/forbidden').withInertia().loginAs(user)
    forbidden.assertStatus(403)
    forbidden.assertInertiaComponent('errors/forbidden')
    forbidden.assertInertiaPropsContains({ user: { id: user.id } })

    const crash = await client.get('/__tests/crash').withInertia().loginAs(user)
    crash.assertStatus(500)
    crash.assertInertiaComponent('errors/server_error')
    crash.assertInertiaPropsContains({ user: { id: user.id } })
  })

  /*
  | The api client always sends a session cookie of its own: these two talk to the test server as a
  | browser without cookies would.
  */
  test('a guest without a session gets the 404 page and no cookie at all', async ({ assert }) => {
    const response = await fetch(testServerUrl('/no/such/page'), {
      headers: { 'x-inertia': 'true', 'x-inertia-version': '1' },
    })

    assert.equal(response.status, 404)
    assert.deepEqual(response.headers.getSetCookie(), [])
    const page = await response.json()
    assert.equal(page.component, 'errors/not_found')
    assert.isNull(page.props.user)
  })

  test('a guest who already has a session keeps the same one on the 404 page', async ({
    assert,
  }) => {
    const browser = new CookieClient()
    await browser.get(testServerUrl('/login'))
    const before = browser.cookie('atrium-session')
    assert.exists(before)

    const response = await browser.get(testServerUrl('/no/such/page'))

    assert.equal(response.status, 404)
    assert.equal(browser.cookie('atrium-session'), before)
  })

  test('an unknown URL written to with another verb answers 404 without a session', async ({
    client,
    assert,
  }) => {
    const response = await client.post('/no/such/page').accept('json')

    response.assertStatus(404)
    response.assertBody({
      errors: [{ message: 'Cannot POST:/no/such/page', code: 'E_ROUTE_NOT_FOUND' }],
    })
    assert.isUndefined(response.header('set-cookie'))
  })
})
