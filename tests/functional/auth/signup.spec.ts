import { test } from '@japa/runner'
import User from '#models/user'
import testUtils from '@adonisjs/core/services/test_utils'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits, fakeMail, linkPath, sentMessages } from '#tests/helpers/accounts'

const VALID = {
  fullName: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'analytical-engine-1843',
  passwordConfirmation: 'analytical-engine-1843',
}

test.group('Signup', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('the sign-up page renders for guests', async ({ client }) => {
    const response = await client.get('/signup').withInertia()

    response.assertStatus(200)
    response.assertInertiaComponent('auth/signup')
  })

  test('creates the account, logs it in and mails a verification link', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)

    const response = await client
      .post('/signup')
      .withCsrfToken()
      .form({ ...VALID, email: ' Ada@Example.com ' })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    const user = await User.findByOrFail('email', 'ada@example.com')
    response.assertSession('auth_web', user.id)
    assert.equal(user.fullName, 'Ada Lovelace')
    assert.isNull(user.emailVerifiedAt)
    assert.isTrue(user.isActive)
    assert.isFalse(user.isStaff)
    assert.notEqual(user.password, VALID.password)
    assert.match(user.password, /^\$scrypt\$/)

    fake.mails.assertSent(VerifyEmailNotification, (mail) => {
      mail.message.assertTo('ada@example.com', 'Ada Lovelace')
      mail.message.assertSubject('Verify your email address')
      return true
    })
    const [message] = sentMessages(fake)
    assert.match(linkPath(message), new RegExp(`^/email/verify/${user.id}/[0-9a-f]{24}\\?`))
  })

  test('refuses an email that already has an account, whatever its case', async ({
    client,
    assert,
  }) => {
    await UserFactory.merge({ email: 'ada@example.com' }).create()

    const response = await client
      .post('/signup')
      .withCsrfToken()
      .header('referer', '/signup')
      .form({ ...VALID, email: 'ADA@example.com' })
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      email: ['The email has already been taken'],
    })
    assert.lengthOf(await User.all(), 1)
  })

  test('refuses weak passwords with a reason, writing nothing', async ({ client, assert }) => {
    const cases: [string, string][] = [
      ['short-pw', 'The password field must have at least 10 characters'],
      ['password123', 'This password is too common'],
      ['31415926535', 'The password cannot be only digits'],
      ['lovelace-rules', 'The password is too similar to your name or email'],
    ]

    for (const [password, message] of cases) {
      const response = await client
        .post('/signup')
        .withCsrfToken()
        .header('referer', '/signup')
        .form({ ...VALID, password, passwordConfirmation: password })
        .redirects(0)

      response.assertFlashMessage('inputErrorsBag', { password: [message] })
    }
    assert.lengthOf(await User.all(), 0)
  })

  test('refuses a confirmation that does not match', async ({ client, assert }) => {
    const response = await client
      .post('/signup')
      .withCsrfToken()
      .header('referer', '/signup')
      .form({ ...VALID, passwordConfirmation: 'something-else-entirely' })
      .redirects(0)

    response.assertFlashMessage('inputErrorsBag', {
      passwordConfirmation: ['The password field and passwordConfirmation field must be the same'],
    })
    assert.lengthOf(await User.all(), 0)
  })

  test('sends the typed values back with the errors, but never the passwords', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post('/signup')
      .withCsrfToken()
      .header('referer', '/signup')
      .form({ ...VALID, email: 'not-an-email' })
      .redirects(0)

    const flashed = response.flashMessages()
    assert.equal(flashed.fullName, 'Ada Lovelace')
    assert.equal(flashed.email, 'not-an-email')
    assert.notProperty(flashed, 'password')
    assert.notProperty(flashed, 'passwordConfirmation')
  })

  test('a logged-in user cannot reach the sign-up page', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/signup').loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
  })
})

test.group('Signup | throttling', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('one address may create 10 accounts per hour', async ({ client, assert, cleanup }) => {
    const { restore } = fakeMail()
    cleanup(restore)
    for (let index = 0; index < 10; index++) {
      await client
        .post('/signup')
        .withCsrfToken()
        .form({ ...VALID, email: `person-${index}@example.com` })
        .redirects(0)
    }

    const response = await client
      .post('/signup')
      .withCsrfToken()
      .header('referer', '/signup')
      .form({ ...VALID, email: 'one-too-many@example.com' })
      .redirects(0)

    response.assertFlashMessage(
      'error',
      'Too many sign-ups from your network. Try again in 60 minutes.'
    )
    assert.lengthOf(await User.all(), 10)
  })
})
