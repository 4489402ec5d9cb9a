/// <reference lib="dom" />
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits } from '#tests/helpers/accounts'
import { enableTotp, totpCode, wrongTotpCode } from '#tests/helpers/two_factor'

test.group('Two-factor | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('turn on with an app, see the recovery codes once, log in again with a code', async ({
    visit,
    assert,
  }) => {
    await UserFactory.merge({
      fullName: 'Grace Hopper',
      email: 'grace@example.com',
      emailVerifiedAt: DateTime.now(),
    }).create()

    // Log in with the password alone
    const page = await visit('/login')
    await page.getByLabel('Email').pressSequentially('grace@example.com')
    await page.getByLabel('Password').pressSequentially('password-123')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/')

    // Settings → Two-factor → Turn on
    await page.goto('/settings/profile')
    await page.getByRole('link', { name: 'Two-factor' }).click()
    await page.assertPath('/settings/two-factor')
    // Turning on asks for the password first: a session alone enrols no app
    await page.locator('[data-test="two-factor-start"]').click()
    await page.getByRole('dialog').getByLabel('Password').pressSequentially('wrong-password')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.assertVisible('text=The password is incorrect')
    await page.assertNotExists('[data-test="totp-qr"]')
    await page.getByRole('dialog').getByLabel('Password').pressSequentially('password-123')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.assertVisible('[data-test="totp-qr"] svg')

    // Read the key as a person would type it into an app; the app shows the code
    const secret = (await page.locator('[data-test="totp-secret"]').textContent())!.trim()
    await page.getByLabel('Code from the app').pressSequentially(totpCode(secret))
    await page.locator('[data-test="totp-confirm"]').click()

    await page.assertVisible('text=Two-factor sign-in is on.')
    await page.assertVisible('[data-test="recovery-codes"]')
    assert.lengthOf(await page.locator('[data-test="recovery-code"]').all(), 10)
    await page.assertTextContains('[data-test="recovery-codes-left"]', '10 recovery codes left.')

    // Shown once: a reload no longer has them
    await page.reload()
    await page.assertTextContains('[data-test="two-factor-status"]', 'On')
    await page.assertNotExists('[data-test="recovery-codes"]')

    // Log out, then log in: the password, then a code from the app
    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.assertPath('/login')
    await page.getByLabel('Email').pressSequentially('grace@example.com')
    await page.getByLabel('Password').pressSequentially('password-123')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/login/two-factor')
    await page.assertVisible('text=Enter the 6-digit code from your authenticator app.')

    // The confirming code's step is used: the app's next code is the one to type
    await page.getByLabel('Code', { exact: true }).pressSequentially(totpCode(secret, 1))
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/')
    await page.assertTextContains('h1', 'Welcome, Grace Hopper')
  })

  test('a wrong code shows an error on the field; a recovery code logs in', async ({ visit }) => {
    const user = await UserFactory.merge({
      email: 'alan@example.com',
      emailVerifiedAt: DateTime.now(),
    }).create()
    const { secret, recoveryCodes } = await enableTotp(user)

    const page = await visit('/login')
    await page.getByLabel('Email').pressSequentially('alan@example.com')
    await page.getByLabel('Password').pressSequentially('password-123')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/login/two-factor')

    await page.getByLabel('Code', { exact: true }).pressSequentially(wrongTotpCode(secret))
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertVisible('text=The code is incorrect or was already used.')

    await page.getByRole('button', { name: 'Use a recovery code' }).click()
    await page.getByLabel('Recovery code').pressSequentially(recoveryCodes[0])
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/')
  })
})
