/// <reference lib="dom" />
import { test } from '@japa/runner'
import Passkey from '#models/passkey'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits, fakeMail } from '#tests/helpers/accounts'
import { enableTotp } from '#tests/helpers/two_factor'

test.group('Passkeys | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('add a passkey in the settings, log out, log in with it without the email', async ({
    visit,
    assert,
    cleanup,
  }) => {
    const { restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.merge({
      email: 'ada@example.com',
      fullName: 'Ada Lovelace',
    }).create()

    // Chromium's virtual authenticator stands in for the device (a platform passkey that
    // verifies its user), through the DevTools protocol.
    const page = await visit('/login')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    })

    await page.getByLabel('Email').fill('ada@example.com')
    await page.getByLabel('Password').fill('password-123')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/')

    // Add a passkey
    await page.goto('/settings/passkeys')
    await page.getByLabel('Name').fill('This laptop')
    await page.getByRole('button', { name: 'Add a passkey' }).click()
    await page.assertVisible('text=The passkey "This laptop" was added.')
    await page.assertTextContains('[data-test="passkeys-table"]', 'This laptop')
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    assert.lengthOf(credentials, 1)
    assert.isTrue(credentials[0].isResidentCredential)

    // The same name again is refused before the device is asked
    await page.getByLabel('Name').fill('This laptop')
    await page.getByRole('button', { name: 'Add a passkey' }).click()
    await page.assertVisible('[data-test="error-name-error"]')

    // Log out
    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.assertPath('/login')

    // Log in with the passkey alone
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
    await page.assertPath('/')
    await page.assertVisible('text=Welcome back, Ada Lovelace.')

    const passkey = await Passkey.findByOrFail('user_id', user.id)
    assert.equal(passkey.name, 'This laptop')
    assert.isNotNull(passkey.lastUsedAt)
  })

  test('with an authenticator app on, a passkey answers the second step instead of a code', async ({
    visit,
    assert,
    cleanup,
  }) => {
    const { restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.merge({
      email: 'grace@example.com',
      fullName: 'Grace Hopper',
    }).create()

    const page = await visit('/login')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    })
    await page.getByLabel('Email').fill('grace@example.com')
    await page.getByLabel('Password').fill('password-123')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/')
    await page.goto('/settings/passkeys')
    await page.getByLabel('Name').fill('Security key')
    await page.getByRole('button', { name: 'Add a passkey' }).click()
    await page.assertVisible('text=The passkey "Security key" was added.')
    await enableTotp(user)
    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.assertPath('/login')

    // The password, then the passkey where the code would go
    await page.getByLabel('Email').fill('grace@example.com')
    await page.getByLabel('Password').fill('password-123')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/login/two-factor')
    await page.getByRole('button', { name: 'Use a passkey' }).click()
    await page.assertPath('/')
    await page.assertVisible('text=Welcome back, Grace Hopper.')
    const passkey = await Passkey.findByOrFail('user_id', user.id)
    assert.isNotNull(passkey.lastUsedAt)
  })
})
