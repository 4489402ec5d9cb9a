/// <reference lib="dom" />
import { test } from '@japa/runner'
import User from '#models/user'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits, fakeMail, linkPath, sentMessages } from '#tests/helpers/accounts'

test.group('Accounts | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('sign up, verify, log out, forget the password, reset it and log in', async ({
    visit,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)

    // Sign up
    const page = await visit('/')
    await page.getByRole('link', { name: 'Sign up' }).click()
    await page.assertPath('/signup')
    await page.getByLabel('Full name').fill('Katherine Johnson')
    await page.getByLabel('Email').fill('katherine@example.com')
    await page.getByLabel('Password', { exact: true }).fill('orbital-mechanics-1962')
    await page.getByLabel('Confirm password').fill('orbital-mechanics-1962')
    await page.getByRole('button', { name: 'Sign up' }).click()

    await page.assertTextContains('h1', 'Welcome, Katherine Johnson')
    await page.assertVisible('[data-test="verification-banner"]')

    // Verify from the mailed link
    const verifyLink = linkPath(sentMessages(fake)[0])
    await page.goto(verifyLink)
    await page.assertVisible('text=Your email address is verified.')
    await page.assertNotExists('[data-test="verification-banner"]')

    // Log out
    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.assertPath('/login')

    // Forgot password
    await page.getByRole('link', { name: 'Forgot password?' }).click()
    await page.assertPath('/forgot-password')
    await page.getByLabel('Email').fill('katherine@example.com')
    await page.getByRole('button', { name: 'Send the reset link' }).click()
    await page.assertVisible('text=If an account uses that address')

    // Reset it from the mailed link
    const resetLink = linkPath(sentMessages(fake)[1])
    await page.goto(resetLink)
    await page.assertTextContains('h1', 'Choose a new password')
    await page.getByLabel('New password', { exact: true }).fill('flight-trajectories-62')
    await page.getByLabel('Confirm new password').fill('flight-trajectories-62')
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await page.assertPath('/login')
    await page.assertVisible('text=Your password has been reset. Log in with the new one.')

    // The old password no longer works; the new one does
    await page.getByLabel('Email').fill('katherine@example.com')
    await page.getByLabel('Password').fill('orbital-mechanics-1962')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertVisible('text=The email or password is incorrect.')

    await page.getByLabel('Password').fill('flight-trajectories-62')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/')
    await page.assertTextContains('h1', 'Welcome, Katherine Johnson')

    const user = await User.findByOrFail('email', 'katherine@example.com')
    assert.isNotNull(user.emailVerifiedAt)
  })

  test('sign-up errors appear on the fields, with the input kept', async ({ visit }) => {
    const page = await visit('/signup')

    await page.getByLabel('Full name').fill('Ada Lovelace')
    await page.getByLabel('Email').fill('ada@example.com')
    await page.getByLabel('Password', { exact: true }).fill('password123')
    await page.getByLabel('Confirm password').fill('password123')
    await page.getByRole('button', { name: 'Sign up' }).click()

    await page.assertText('[data-test="error-password-error"]', 'This password is too common')
    await page.assertInputValue('#fullName', 'Ada Lovelace')
    await page.assertInputValue('#email', 'ada@example.com')
    await page.assertInputValue('#password', '')
  })

  test('after logging out, Back shows nothing of the account', async ({ visit }) => {
    await UserFactory.merge({ email: 'ada@example.com', fullName: 'Ada Lovelace' }).create()
    const page = await visit('/login')
    await page.getByLabel('Email').fill('ada@example.com')
    await page.getByLabel('Password').fill('password-123')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.assertPath('/')
    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.assertInputValue('#email', 'ada@example.com')

    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.assertPath('/login')
    await page.goBack()

    await page.assertPath('/login')
    await page.assertNotExists('#fullName')
  })
})
