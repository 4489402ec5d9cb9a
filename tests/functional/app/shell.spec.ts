import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import type { InertiaConfig } from '@adonisjs/inertia/types'
import { UserFactory } from '#database/factories/user_factory'
import { embeddedPage } from '#tests/helpers/html'

test.group('App shell | server rendering', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a first visit gets server-rendered HTML with the page data', async ({ client, assert }) => {
    const response = await client.get('/')

    response.assertStatus(200)
    response.assertHeader('content-type', 'text/html; charset=utf-8')
    const html = response.text()
    assert.include(html, '<div data-server-rendered="true" id="app">')
    assert.include(html, 'data-test="home"')
    assert.include(html, '<nav aria-label="Main"')
    assert.deepEqual(embeddedPage(html).component, 'home')
  })

  test('logged-in pages are rendered for each user; guest pages may be reused', async ({
    client,
    assert,
  }) => {
    const ada = await UserFactory.merge({ fullName: 'Ada Lovelace' }).create()
    const grace = await UserFactory.merge({ fullName: 'Grace Hopper' }).create()

    const first = await client.get('/settings/profile').loginAs(ada)
    const second = await client.get('/settings/profile').loginAs(grace)

    assert.include(first.text(), 'value="Ada Lovelace"')
    assert.include(second.text(), 'value="Grace Hopper"')
    assert.notInclude(second.text(), 'Ada Lovelace')

    const guest = await client.get('/login')
    const again = await client.get('/login')
    const body = (html: string) => html.slice(html.indexOf('<div data-server-rendered'))
    assert.include(body(guest.text()), 'data-test="login-form"')
    assert.equal(body(again.text()), body(guest.text()))
  })

  test('an Inertia visit gets the page as JSON, not HTML', async ({ client }) => {
    const response = await client.get('/login').withInertia()

    response.assertStatus(200)
    response.assertHeader('x-inertia', 'true')
    response.assertInertiaComponent('auth/login')
    response.assertInertiaPropsContains({ user: null, errors: {} })
  })

  test('shares the logged-in user with every page, without secrets', async ({ client, assert }) => {
    const user = await UserFactory.merge({ fullName: 'Grace Hopper' }).create()

    const response = await client.get('/').withInertia().loginAs(user)

    response.assertInertiaPropsContains({
      user: {
        id: user.id,
        fullName: 'Grace Hopper',
        email: user.email,
        initials: 'GH',
        isStaff: false,
        isSuperuser: false,
        emailVerified: false,
      },
    })
    assert.notInclude(response.text(), user.password)
  })

  test('hostile strings in props cannot break the embedded page data', async ({
    client,
    assert,
  }) => {
    const hostile = '</script><!--<script>alert(1)</script>&\u2028'
    const user = await UserFactory.merge({ fullName: hostile }).create()

    const response = await client.get('/').loginAs(user)

    response.assertStatus(200)
    const html = response.text()
    assert.equal(embeddedPage(html).props.user.fullName, hostile)
    assert.notInclude(html, '<!--<script>alert(1)')
  })

  test('hostile strings stay inert when the page is rendered without SSR', async ({
    client,
    assert,
    cleanup,
  }) => {
    const ssr = app.config.get<InertiaConfig>('inertia').ssr
    ssr.enabled = false
    cleanup(() => {
      ssr.enabled = true
    })
    const hostile = '</script><!--<script>alert(1)</script>&\u2028'
    const user = await UserFactory.merge({ fullName: hostile }).create()

    const response = await client.get('/').loginAs(user)

    const html = response.text()
    assert.notInclude(html, 'data-server-rendered')
    assert.equal(embeddedPage(html).props.user.fullName, hostile)
    assert.notInclude(html, '<!--<script>')
    assert.notInclude(html, '</script><!--')
  })
})
