import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import accountsConfig from '#config/accounts'
import Passkey from '#models/passkey'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { staffWith } from '#tests/helpers/admin'
import { clearRateLimits } from '#tests/helpers/accounts'
import { enableTotp } from '#tests/helpers/two_factor'
import { CookieClient } from '#tests/helpers/cookie_client'
import { testServerUrl } from '#tests/helpers/test_server'
import { SoftwareAuthenticator } from '#tests/helpers/software_authenticator'
import { SECOND_FACTOR_REQUIRED_MESSAGE } from '#middleware/admin_middleware'

/** A browser that typed `user`'s password on the login form; answers where the form sent it. */
async function passwordStep(user: User) {
  const browser = new CookieClient()
  await browser.get(testServerUrl('/login'))
  const response = await browser.post(testServerUrl('/login'), {
    email: user.email,
    password: 'password-123',
  })
  return { browser, location: response.headers.get('location') }
}

/** The browser answers a login challenge with `key`; returns where the server sent it. */
async function passkeyStep(browser: CookieClient, key: SoftwareAuthenticator) {
  const options = await browser.postJson(testServerUrl('/login/passkey/options'), {})
  const { challenge, allowCredentials } = (await options.json()) as {
    challenge: string
    allowCredentials: { id: string }[]
  }
  const response = await browser.postJson(testServerUrl('/login/passkey'), {
    credential: key.assertion(challenge),
  })
  return { status: response.status, location: response.headers.get('location'), allowCredentials }
}

test.group('Passkeys with two-factor sign-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())
  group.each.teardown(() => {
    accountsConfig.requireSecondFactorForStaff = false
  })

  test('a passkey finishes a login whose password passed, for an account with an app', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    await enableTotp(user)
    const key = new SoftwareAuthenticator(String(user.id))
    await key.storeFor(user)

    const { browser, location } = await passwordStep(user)
    assert.equal(location, '/login/two-factor')
    const blocked = await browser.get(testServerUrl('/settings/profile'))
    assert.equal(blocked.headers.get('location'), '/login')

    const step = await passkeyStep(browser, key)
    assert.deepEqual(
      step.allowCredentials.map((credential) => credential.id),
      [key.credentialId]
    )
    assert.equal(step.status, 302)
    // On to the page asked for while the login waited.
    assert.equal(step.location, '/settings/profile')
    const settings = await browser.get(testServerUrl('/settings/profile'))
    assert.equal(settings.status, 200)
  })

  test('with the staff policy on, a passkey login enters the admin and a password login does not', async ({
    assert,
  }) => {
    accountsConfig.requireSecondFactorForStaff = true
    const staff = await UserFactory.apply('superuser').create()
    const key = new SoftwareAuthenticator(String(staff.id))
    await key.storeFor(staff)

    // A passkey alone: no email or password typed.
    const browser = new CookieClient()
    await browser.get(testServerUrl('/login'))
    const step = await passkeyStep(browser, key)
    assert.equal(step.status, 302)
    const admin = await browser.get(testServerUrl('/admin'))
    assert.equal(admin.status, 200)

    // Logged out, then in again with the password alone in the same browser: sent to set up an app.
    await browser.post(testServerUrl('/logout'), {})
    const login = await browser.post(testServerUrl('/login'), {
      email: staff.email,
      password: 'password-123',
    })
    assert.equal(login.headers.get('location'), '/')
    const refused = await browser.get(testServerUrl('/admin'))
    assert.equal(refused.status, 302)
    assert.equal(refused.headers.get('location'), '/settings/two-factor')
    const page = await browser.get(testServerUrl('/settings/two-factor'), {
      'x-inertia': 'true',
      'x-requested-with': 'XMLHttpRequest',
    })
    const flash = ((await page.json()) as { flash?: Record<string, string> }).flash
    assert.equal(flash?.error, SECOND_FACTOR_REQUIRED_MESSAGE)
  })
})

test.group('Passkeys with two-factor sign-in | admin', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test("the user list counts each user's passkeys, never showing their keys", async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const user = await UserFactory.create()
    const first = new SoftwareAuthenticator()
    await first.storeFor(user, 'Laptop')
    await new SoftwareAuthenticator().storeFor(user, 'Phone')

    const response = await client.get('/admin/users').withInertia().loginAs(admin)

    const props = response.inertiaProps as Record<string, any>
    const column = props.columns.findIndex((col: { name: string }) => col.name === 'passkeys')
    assert.equal(props.columns[column].label, 'Passkeys')
    const cellOf = (id: number) =>
      props.rows.find((row: { id: string }) => row.id === String(id)).cells[column]
    assert.equal(cellOf(user.id), 2)
    assert.equal(cellOf(admin.id), 0)
    const stored = await Passkey.findByOrFail('credential_id', first.credentialId)
    assert.notInclude(JSON.stringify(props), first.credentialId)
    assert.notInclude(JSON.stringify(props), stored.publicKey)
  })

  test('"Reset second factor" removes the passkeys too, also of a user with passkeys only', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['user.view', 'user.change'])
    const withApp = await UserFactory.create()
    await enableTotp(withApp)
    await new SoftwareAuthenticator().storeFor(withApp)
    const passkeysOnly = await UserFactory.create()
    await new SoftwareAuthenticator().storeFor(passkeysOnly)
    const untouched = await UserFactory.create()
    await new SoftwareAuthenticator().storeFor(untouched)

    const response = await client
      .post('/admin/users/actions')
      .withCsrfToken()
      .header('referer', '/admin/users')
      .loginAs(staff)
      .json({ action: 'reset_second_factor', ids: [String(withApp.id), String(passkeysOnly.id)] })
      .redirects(0)

    response.assertFlashMessage('success', 'Second factor reset for 2 users')
    const left = await db.from('passkeys').select('user_id')
    assert.deepEqual(
      left.map((row) => Number(row.user_id)),
      [untouched.id]
    )
    const row = await db.from('users').where('id', withApp.id).first()
    assert.isNull(row.two_factor_confirmed_at)
  })
})
