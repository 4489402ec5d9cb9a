import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import type User from '#models/user'
import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import UserSession from '#models/user_session'
import testUtils from '@adonisjs/core/services/test_utils'
import PasswordResetToken from '#models/password_reset_token'
import ResetPasswordNotification from '#mails/reset_password_notification'
import { UserFactory } from '#database/factories/user_factory'
import { sha256 } from '#services/accounts/hashing'
import { clearRateLimits, fakeMail, linkPath, sentMessages } from '#tests/helpers/accounts'

const LINK_SENT =
  'If an account uses that address, we sent it a link to reset the password. Check your inbox.'
const NEW_PASSWORD = 'a-brand-new-secret-42'

async function requestLink(client: ApiClient, email: string) {
  return client
    .post('/forgot-password')
    .withCsrfToken()
    .header('referer', '/forgot-password')
    .form({ email })
    .redirects(0)
}

test.group('Password reset | asking for a link', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('mails a single-use link and stores only its hash', async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()

    const response = await requestLink(client, 'Ada@Example.com')

    response.assertHeader('location', '/forgot-password')
    response.assertFlashMessage('success', LINK_SENT)
    fake.mails.assertSent(ResetPasswordNotification, ({ message }) => {
      message.assertTo('ada@example.com')
      message.assertSubject('Reset your password')
      return true
    })
    const token = linkPath(sentMessages(fake)[0]).replace('/reset-password/', '')
    assert.match(token, /^[\w-]{43}$/)
    const rows = await PasswordResetToken.query().where('user_id', user.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].tokenHash, sha256(token))
    const raw = await db.from('password_reset_tokens').select('*')
    assert.notInclude(JSON.stringify(raw), token)
  })

  test('answers an unknown address the same way, and mails nothing', async ({
    client,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)

    const response = await requestLink(client, 'nobody@example.com')

    response.assertHeader('location', '/forgot-password')
    response.assertFlashMessage('success', LINK_SENT)
    fake.mails.assertNoneSent()
  })

  test('mails nothing for an inactive account', async ({ client, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.apply('inactive').create()

    const response = await requestLink(client, user.email)

    response.assertFlashMessage('success', LINK_SENT)
    fake.mails.assertNoneSent()
  })

  test('a new link replaces the unused older one', async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()

    await requestLink(client, user.email)
    await requestLink(client, user.email)

    assert.lengthOf(await PasswordResetToken.query().where('user_id', user.id), 1)
    fake.mails.assertSentCount(ResetPasswordNotification, 2)
  })

  test('throttles requests per email and IP, saying how long to wait', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()

    for (let attempt = 0; attempt < 3; attempt++) await requestLink(client, user.email)
    const response = await requestLink(client, user.email)

    response.assertFlashMessage('error', 'Too many reset requests. Try again in 15 minutes.')
    assert.isAbove(Number(response.header('retry-after')), 800)
    fake.mails.assertSentCount(ResetPasswordNotification, 3)
  })

  test('throttled JSON clients get 429 with Retry-After', async ({ client, assert, cleanup }) => {
    const { restore } = fakeMail()
    cleanup(restore)

    for (let attempt = 0; attempt < 3; attempt++) await requestLink(client, 'x@example.com')
    const response = await client
      .post('/forgot-password')
      .withCsrfToken()
      .accept('json')
      .json({ email: 'x@example.com' })

    response.assertStatus(429)
    assert.isAbove(Number(response.header('retry-after')), 800)
  })
})

test.group('Password reset | choosing the new password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function tokenFor(user: User, expiresAt = DateTime.now().plus({ hours: 1 })) {
    const token = `token-${user.id}-${'x'.repeat(30)}`
    await PasswordResetToken.create({ userId: user.id, tokenHash: sha256(token), expiresAt })
    return token
  }

  test('the page behind a good link names the account', async ({ client }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()
    const token = await tokenFor(user)

    const response = await client.get(`/reset-password/${token}`).withInertia()

    response.assertInertiaComponent('auth/reset_password')
    response.assertInertiaPropsContains({ token, email: 'ada@example.com' })
  })

  test('the page behind an unknown link says it no longer works', async ({ client }) => {
    const response = await client.get('/reset-password/not-a-real-token').withInertia()

    response.assertInertiaPropsContains({ token: 'not-a-real-token', email: null })
  })

  test('sets the new password once and ends every session', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await UserSession.create({
      userId: user.id,
      keyHash: 'a'.repeat(64),
      lastSeenAt: DateTime.now(),
    })
    await db.table('remember_me_tokens').insert({
      tokenable_id: user.id,
      hash: 'remember-hash',
      created_at: new Date(),
      updated_at: new Date(),
      expires_at: new Date(Date.now() + 86_400_000),
    })
    const token = await tokenFor(user)

    const response = await client
      .post(`/reset-password/${token}`)
      .withCsrfToken()
      .form({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .redirects(0)

    response.assertHeader('location', '/login')
    response.assertFlashMessage('success', 'Your password has been reset. Log in with the new one.')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, NEW_PASSWORD))
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
    assert.lengthOf(await db.from('remember_me_tokens').where('tokenable_id', user.id), 0)
    const row = await PasswordResetToken.findByOrFail('user_id', user.id)
    assert.isNotNull(row.usedAt)
  })

  test('refuses a link used before', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await tokenFor(user)
    await client
      .post(`/reset-password/${token}`)
      .withCsrfToken()
      .form({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .redirects(0)

    const response = await client
      .post(`/reset-password/${token}`)
      .withCsrfToken()
      .form({ password: 'another-secret-value-7', passwordConfirmation: 'another-secret-value-7' })
      .redirects(0)

    response.assertHeader('location', '/forgot-password')
    response.assertFlashMessage(
      'error',
      'This reset link is invalid, used or expired. Ask for a new one.'
    )
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, NEW_PASSWORD))
  })

  test('refuses an expired link, changing nothing', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await tokenFor(user, DateTime.now().minus({ minutes: 1 }))

    const response = await client
      .post(`/reset-password/${token}`)
      .withCsrfToken()
      .form({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .redirects(0)

    response.assertFlashMessage(
      'error',
      'This reset link is invalid, used or expired. Ask for a new one.'
    )
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, 'password-123'))
  })

  test('refuses an unknown token', async ({ client }) => {
    const response = await client
      .post('/reset-password/forged-token-value')
      .withCsrfToken()
      .form({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .redirects(0)

    response.assertHeader('location', '/forgot-password')
  })

  test('a weak new password is refused and the link still works', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await tokenFor(user)

    const response = await client
      .post(`/reset-password/${token}`)
      .withCsrfToken()
      .header('referer', `/reset-password/${token}`)
      .form({ password: 'short', passwordConfirmation: 'short' })
      .redirects(0)

    response.assertFlashMessage('inputErrorsBag', {
      password: ['The password field must have at least 10 characters'],
    })
    const row = await PasswordResetToken.findByOrFail('user_id', user.id)
    assert.isNull(row.usedAt)
  })
})
