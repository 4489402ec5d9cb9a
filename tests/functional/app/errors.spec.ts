import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { Exception } from '@adonisjs/core/exceptions'
import { embeddedPage } from '#tests/helpers/html'

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
