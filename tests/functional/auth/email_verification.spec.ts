import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import accountsConfig from '#config/accounts'
import testUtils from '@adonisjs/core/services/test_utils'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { UserFactory } from '#database/factories/user_factory'
import { emailDigest, verificationUrl } from '#services/accounts/email_verification'
import { clearRateLimits, fakeMail, linkPath, sentMessages } from '#tests/helpers/accounts'

function pathOf(url: string) {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

test.group('Email verification | the link', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('verifies the address, with or without a login', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await client.get(pathOf(verificationUrl(user))).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertFlashMessage('success', 'Your email address is verified.')
    await user.refresh()
    assert.isNotNull(user.emailVerifiedAt)
  })

  test('refuses a link whose signature was tampered with', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const url = new URL(verificationUrl(user))
    url.searchParams.set('signature', url.searchParams.get('signature')!.slice(0, -2) + 'xx')

    const response = await client.get(url.pathname + url.search).redirects(0)

    response.assertFlashMessage(
      'error',
      'This verification link is invalid or has expired. Ask for a new one.'
    )
    await user.refresh()
    assert.isNull(user.emailVerifiedAt)
  })

  test('refuses a link edited to name another account', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const victim = await UserFactory.create()
    const path = pathOf(verificationUrl(user)).replace(
      `/email/verify/${user.id}/`,
      `/email/verify/${victim.id}/`
    )

    const response = await client.get(path).redirects(0)

    response.assertFlashMessage(
      'error',
      'This verification link is invalid or has expired. Ask for a new one.'
    )
    await victim.refresh()
    assert.isNull(victim.emailVerifiedAt)
  })

  test('refuses an expired link', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const expired = signedUrlFor(
      'verification.verify',
      { id: user.id, hash: emailDigest(user.email) },
      { expiresIn: '1 second', purpose: 'verify_email', prefixUrl: 'http://localhost' }
    )
    await new Promise((resolve) => setTimeout(resolve, 1100))

    const response = await client.get(pathOf(expired)).redirects(0)

    response.assertFlashMessage(
      'error',
      'This verification link is invalid or has expired. Ask for a new one.'
    )
    await user.refresh()
    assert.isNull(user.emailVerifiedAt)
  })

  test('a link mailed to an old address stops working after an email change', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ email: 'old@example.com' }).create()
    const oldLink = pathOf(verificationUrl(user))
    user.email = 'new@example.com'
    await user.save()

    await client.get(oldLink).redirects(0)

    await user.refresh()
    assert.isNull(user.emailVerifiedAt)
  })
})

test.group('Email verification | resending and the banner', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('sends a fresh link on request', async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()

    const response = await client
      .post('/email/verification-notification')
      .withCsrfToken()
      .header('referer', '/')
      .loginAs(user)
      .redirects(0)

    response.assertFlashMessage('success', 'We sent a new verification link to ada@example.com.')
    fake.mails.assertSent(VerifyEmailNotification, ({ message }) => {
      message.assertTo('ada@example.com')
      return true
    })
    assert.match(linkPath(sentMessages(fake)[0]), new RegExp(`^/email/verify/${user.id}/`))
  })

  test('sends at most 3 links per 15 minutes, then says how long to wait', async ({
    client,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()

    for (let attempt = 0; attempt < 3; attempt++) {
      await client
        .post('/email/verification-notification')
        .withCsrfToken()
        .header('referer', '/')
        .loginAs(user)
        .redirects(0)
    }
    const response = await client
      .post('/email/verification-notification')
      .withCsrfToken()
      .header('referer', '/')
      .loginAs(user)
      .redirects(0)

    response.assertFlashMessage(
      'error',
      'You asked for too many verification mails. Try again in 15 minutes.'
    )
    fake.mails.assertSentCount(VerifyEmailNotification, 3)
  })

  test('sends nothing to an address already verified', async ({ client, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.merge({ emailVerifiedAt: DateTime.now() }).create()

    const response = await client
      .post('/email/verification-notification')
      .withCsrfToken()
      .header('referer', '/')
      .loginAs(user)
      .redirects(0)

    response.assertFlashMessage('success', 'Your email address is already verified.')
    fake.mails.assertNoneSent()
  })

  test('guests cannot ask for links', async ({ client, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)

    const response = await client
      .post('/email/verification-notification')
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/login')
    fake.mails.assertNoneSent()
  })
})

test.group('Email verification | requiring it', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    accountsConfig.requireVerifiedEmail = true
    return () => {
      accountsConfig.requireVerifiedEmail = false
    }
  })

  test('sends an unverified user to the verify page', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/settings/password').loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/email/verify')
  })

  test('the verify page names the address', async ({ client }) => {
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()

    const response = await client.get('/email/verify').withInertia().loginAs(user)

    response.assertInertiaComponent('auth/verify_email')
    response.assertInertiaPropsContains({ email: 'ada@example.com' })
  })

  test('lets a verified user through', async ({ client }) => {
    const user = await UserFactory.merge({ emailVerifiedAt: DateTime.now() }).create()

    const response = await client.get('/settings/password').withInertia().loginAs(user)

    response.assertStatus(200)
    response.assertInertiaComponent('settings/password')
  })

  test('keeps the profile reachable to fix a mistyped address', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/settings/profile').withInertia().loginAs(user)

    response.assertStatus(200)
  })

  test('JSON clients get 403 with a code', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/settings/password').accept('json').loginAs(user)

    response.assertStatus(403)
    response.assertBody({
      errors: [{ message: 'Verify your email address first', code: 'E_EMAIL_NOT_VERIFIED' }],
    })
  })

  test('with the switch off, unverified users use the app', async ({ client }) => {
    accountsConfig.requireVerifiedEmail = false
    const user = await UserFactory.create()

    const response = await client.get('/settings/password').withInertia().loginAs(user)

    response.assertStatus(200)
  })
})
