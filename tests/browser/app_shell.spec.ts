/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

/** A flag set on the page's window: it survives client-side visits, not full reloads. */
type SameDocumentMarker = Window & { __sameDocument?: boolean }

test.group('App shell | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('moves between pages without a full reload', async ({ visit }) => {
    const page = await visit('/')
    await page.waitForFunction(() =>
      document.querySelector('#app')?.hasAttribute('data-server-rendered')
    )
    await page.evaluate(() => ((window as SameDocumentMarker).__sameDocument = true))

    await page.getByRole('link', { name: 'Log in' }).first().click()

    await page.assertPath('/login')
    await page.assertVisible('[data-test="login-form"]')
    await page.assertTitle('Log in · Atrium')
    const sameDocument = await page.evaluate(
      () => (window as SameDocumentMarker).__sameDocument === true
    )
    if (!sameDocument) throw new Error('The visit reloaded the whole document')
  })

  test('a server-rendered page is marked ready once React answers on it', async ({ visit }) => {
    // visit() waits for the mark (tests/helpers/wait_for_app.ts); without it, tests would type
    // into pages React has not hydrated yet and lose keys under load.
    const page = await visit('/login')

    await page.assertExists('#app[data-server-rendered][data-ready="true"]')
  })

  test('shows the 404 page inside the app layout for an unknown URL', async ({ visit }) => {
    const page = await visit('/no/such/page')

    await page.assertVisible('[data-test="status-404"]')
    await page.assertTextContains('h1', 'Page not found')
    await page.assertVisible('nav[aria-label="Main"]')
  })

  test('a logged-in staff user keeps their menu on the 404 page and can use it', async ({
    browserContext,
    visit,
  }) => {
    const staff = await UserFactory.apply('staff')
      .merge({ email: 'grace@example.com', fullName: 'Grace Hopper' })
      .create()
    await browserContext.loginAs(staff)
    const page = await visit('/no/such/page')

    await page.assertVisible('[data-test="status-404"]')
    await page.assertNotExists('text=Log in')
    await page.getByRole('link', { name: 'Dashboard' }).first().waitFor()
    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.assertVisible('[data-test="settings-link"]')
    await page.assertVisible('[data-test="admin-link"]')
    await page.locator('[data-test="settings-link"]').click()

    await page.assertPath('/settings/profile')
  })

  test('logs in, greets with a toast and logs out from the user menu', async ({ visit }) => {
    await UserFactory.merge({ email: 'ada@example.com', fullName: 'Ada Lovelace' }).create()
    const page = await visit('/login')

    await page.getByLabel('Email').fill('ada@example.com')
    await page.getByLabel('Password').fill('password-123')
    await page.getByRole('button', { name: 'Log in' }).click()

    await page.assertPath('/')
    await page.assertTextContains('h1', 'Welcome, Ada Lovelace')
    await page.assertVisible('text=Welcome back, Ada Lovelace.')

    await page.getByRole('button', { name: 'Account menu' }).click()
    await page.getByRole('button', { name: 'Log out' }).click()

    await page.assertPath('/login')
    await page.assertVisible('text=You are logged out.')
  })

  test('a wrong password shows a message and keeps the email', async ({ visit }) => {
    await UserFactory.merge({ email: 'ada@example.com' }).create()
    const page = await visit('/login')

    await page.getByLabel('Email').fill('ada@example.com')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Log in' }).click()

    await page.assertVisible('text=The email or password is incorrect.')
    await page.assertInputValue('#email', 'ada@example.com')
    await page.assertInputValue('#password', '')
  })

  test('an expired CSRF token sends the user back to the form with the input kept', async ({
    visit,
    browserContext,
  }) => {
    const page = await visit('/login')
    await page.getByLabel('Email').fill('ada@example.com')
    await page.getByLabel('Password').fill('password-123')

    await browserContext.clearCookies()
    await page.getByRole('button', { name: 'Log in' }).click()

    await page.assertVisible('text=This form expired. Your input is kept: please send it again.')
    await page.assertPath('/login')
    await page.assertInputValue('#email', 'ada@example.com')
  })

  test('the theme toggle switches to dark and remembers it', async ({ visit }) => {
    const page = await visit('/')
    await page.emulateMedia({ colorScheme: 'light' })

    await page.getByRole('button', { name: /^Theme: system/ }).click()
    await page.getByRole('button', { name: /^Theme: light/ }).click()

    await page.waitForFunction(() => document.documentElement.classList.contains('dark'))
    await page.assertCookie('theme', 'dark')

    await page.reload()
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'))
  })

  test('the account menu opens from the keyboard and Escape closes it', async ({
    visit,
    browserContext,
  }) => {
    const user = await UserFactory.create()
    await browserContext.loginAs(user)
    const page = await visit('/')
    const toggle = page.getByRole('button', { name: 'Account menu' })

    await toggle.focus()
    await page.keyboard.press('Enter')
    await page.assertVisible('[data-test="logout"]')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') throw new Error('not expanded')

    await page.keyboard.press('Escape')
    await page.assertNotVisible('[data-test="logout"]')
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    if (focused !== 'Account menu') throw new Error(`Focus went to ${focused}, not the toggle`)
  })
})
