import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

test.group('Session | login and logout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the login page renders for guests', async ({ client }) => {
    const response = await client.get('/login').withInertia()

    response.assertStatus(200)
    response.assertInertiaComponent('auth/login')
  })

  test('logs in with the right email and password', async ({ client }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()

    const response = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: 'Ada@Example.com ', password: 'password-123' })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
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

  test('logs out and goes to the login page', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.post('/logout').withCsrfToken().loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
  })

  test('a logged-in user is sent away from the login page', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/login').loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
  })
})
