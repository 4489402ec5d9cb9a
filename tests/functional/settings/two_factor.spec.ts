import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import UserSession from '#models/user_session'
import AccessToken from '#models/access_token'
import { tokenOf } from '#tests/helpers/access_tokens'
import { confirmTotpSetup, startTotpSetup } from '#services/two_factor/totp_setup'
import SecurityNotification from '#mails/security_notification'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits, fakeMail } from '#tests/helpers/accounts'
import { enableTotp, totpCode, wrongTotpCode } from '#tests/helpers/two_factor'
import { confirmSetup, startSetup, startSetupForSecret } from '#tests/helpers/two_factor_setup'
import { openTotpSecret } from '#services/two_factor/totp_secret'
import { consumeRecoveryCode, remainingRecoveryCodes } from '#services/two_factor/recovery_codes'

const PASSWORD = 'password-123'

/** A session of the user in another browser, to see which changes end it. */
function otherSession(user: User) {
  return UserSession.create({
    userId: user.id,
    keyHash: 'f'.repeat(64),
    lastSeenAt: DateTime.now(),
  })
}

async function otherSessionLives() {
  const rows = await UserSession.query().where('key_hash', 'f'.repeat(64))
  return rows.length === 1
}

test.group('Settings | two-factor setup', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('the page renders off for a user without it, and needs a login', async ({ client }) => {
    const user = await UserFactory.create()

    const guest = await client.get('/settings/two-factor').redirects(0)
    guest.assertHeader('location', '/login')

    const response = await client.get('/settings/two-factor').withInertia().loginAs(user)
    response.assertInertiaComponent('settings/two_factor')
    response.assertInertiaPropsContains({
      status: 'off',
      setup: null,
      remainingRecoveryCodes: null,
      recoveryCodes: null,
    })
  })

  test('"Turn on" shows a QR code and the secret, not yet in force', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const start = await startSetup(client, user)
    start.assertHeader('location', '/settings/two-factor')

    await user.refresh()
    assert.isNull(user.twoFactorConfirmedAt)
    const secret = openTotpSecret(user.twoFactorSecret)!
    const page = await client.get('/settings/two-factor').withInertia().loginAs(user)
    const props = page.inertiaProps as Record<string, any>
    assert.equal(props.status, 'setting_up')
    assert.equal(props.setup.secret, secret)
    assert.match(props.setup.qrSvg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    assert.include(props.setup.qrSvg, '<path')
    assert.notInclude(JSON.stringify(props), String(user.twoFactorSecret))
  })

  test('a wrong first code is refused and turns nothing on', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const secret = await startSetupForSecret(client, user)

    const response = await confirmSetup(client, user, wrongTotpCode(secret))

    response.assertFlashMessage('inputErrorsBag', {
      code: ['The code is incorrect. Enter the newest code your app shows.'],
    })
    await user.refresh()
    assert.isNull(user.twoFactorConfirmedAt)
    assert.equal(await remainingRecoveryCodes(user), 0)
  })

  test('the right code turns it on, mails, ends other sessions, shows the codes once', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    await otherSession(user)
    await tokenOf(user, 'CLI')
    const secret = await startSetupForSecret(client, user)

    const response = await confirmSetup(client, user, totpCode(secret))

    response.assertHeader('location', '/settings/two-factor')
    response.assertFlashMessage(
      'success',
      'Two-factor sign-in is on. Your other sessions were logged out and your API tokens revoked.'
    )
    const codes = (response.flashMessages() as Record<string, any>).newRecoveryCodes as string[]
    assert.lengthOf(codes, 10)
    await user.refresh()
    assert.isNotNull(user.twoFactorConfirmedAt)
    assert.isFalse(await otherSessionLives())
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 0)
    fake.mails.assertSent(SecurityNotification, ({ message }) => {
      message.assertTo(user.email)
      message.assertSubject('Two-factor sign-in is on')
      return true
    })

    const shown = await client
      .get('/settings/two-factor')
      .withInertia()
      .withSession(response.session())
      .withFlashMessages(response.flashMessages())
      .loginAs(user)
    shown.assertInertiaPropsContains({
      status: 'on',
      setup: null,
      remainingRecoveryCodes: 10,
      recoveryCodes: codes,
    })
    const later = await client.get('/settings/two-factor').withInertia().loginAs(user)
    later.assertInertiaPropsContains({ status: 'on', recoveryCodes: null })
    assert.isTrue(await consumeRecoveryCode(user, codes[0]))
  })

  test('"Turn on" while on changes nothing', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await enableTotp(user)
    const before = await User.findOrFail(user.id)

    const response = await startSetup(client, user)

    response.assertFlashMessage('error', 'Two-factor sign-in is already on.')
    const after = await User.findOrFail(user.id)
    assert.equal(after.twoFactorSecret, before.twoFactorSecret)
  })
  test('"Turn on" needs the right password: a session alone enrols no app', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()

    const missing = await client
      .post('/settings/two-factor')
      .withCsrfToken()
      .header('referer', '/settings/two-factor')
      .loginAs(user)
      .redirects(0)
    missing.assertHeader('location', '/settings/two-factor')
    assert.property(missing.flashMessages().inputErrorsBag, 'password')

    const wrong = await client
      .post('/settings/two-factor')
      .withCsrfToken()
      .header('referer', '/settings/two-factor')
      .loginAs(user)
      .form({ password: 'not-my-password' })
      .redirects(0)
    wrong.assertFlashMessage('inputErrorsBag', { password: ['The password is incorrect'] })

    const row = await db.from('users').where('id', user.id).first()
    assert.isNull(row.two_factor_secret)
    const page = await client.get('/settings/two-factor').withInertia().loginAs(user)
    page.assertInertiaPropsContains({ status: 'off', setup: null })
  })

  test('a setup started from a stale page never replaces a confirmed app', async ({ assert }) => {
    const user = await UserFactory.create()
    const stale = await User.findOrFail(user.id)
    await enableTotp(user)
    const confirmed = await db.from('users').where('id', user.id).first()

    assert.isFalse(await startTotpSetup(stale))

    const after = await db.from('users').where('id', user.id).first()
    assert.equal(after.two_factor_secret, confirmed.two_factor_secret)
    assert.isNotNull(after.two_factor_confirmed_at)
    assert.equal(await remainingRecoveryCodes(user), 10)
  })

  test('a first code for a secret replaced in another tab turns nothing on', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await startSetup(client, user)
    const firstTab = await User.findOrFail(user.id)
    const oldSecret = openTotpSecret(firstTab.twoFactorSecret)!
    await startSetup(client, user)

    const codes = await confirmTotpSetup(firstTab, totpCode(oldSecret))

    assert.isNull(codes)
    const row = await db.from('users').where('id', user.id).first()
    assert.isNull(row.two_factor_confirmed_at)
    assert.notEqual(row.two_factor_secret, firstTab.twoFactorSecret)
  })
})

test.group('Settings | two-factor when on', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('shows how many recovery codes are left, never the codes', async ({ client }) => {
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)
    await consumeRecoveryCode(user, recoveryCodes[0])

    const response = await client.get('/settings/two-factor').withInertia().loginAs(user)

    response.assertInertiaPropsContains({
      status: 'on',
      setup: null,
      remainingRecoveryCodes: 9,
      recoveryCodes: null,
    })
  })

  test('turning off needs the right password', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await enableTotp(user)

    const response = await client
      .delete('/settings/two-factor')
      .withCsrfToken()
      .header('referer', '/settings/two-factor')
      .loginAs(user)
      .form({ password: 'not-my-password' })
      .redirects(0)

    response.assertFlashMessage('inputErrorsBag', { password: ['The password is incorrect'] })
    await user.refresh()
    assert.isNotNull(user.twoFactorConfirmedAt)
    assert.equal(await remainingRecoveryCodes(user), 10)
  })

  test('turning off with the password removes the app and the codes, and mails', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    await enableTotp(user)

    const response = await client
      .delete('/settings/two-factor')
      .withCsrfToken()
      .loginAs(user)
      .form({ password: PASSWORD })
      .redirects(0)

    response.assertFlashMessage('success', 'Two-factor sign-in is off.')
    const row = await db.from('users').where('id', user.id).first()
    assert.isNull(row.two_factor_secret)
    assert.isNull(row.two_factor_confirmed_at)
    assert.lengthOf(await db.from('two_factor_recovery_codes').where('user_id', user.id), 0)
    fake.mails.assertSent(SecurityNotification, ({ message }) => {
      message.assertSubject('Two-factor sign-in is off')
      return true
    })
    const login = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)
    login.assertSession('auth_web', user.id)
  })

  test('new recovery codes need the password, replace the old ones and end other sessions', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)
    await otherSession(user)

    const wrong = await client
      .post('/settings/two-factor/recovery-codes')
      .withCsrfToken()
      .header('referer', '/settings/two-factor')
      .loginAs(user)
      .form({ password: 'not-my-password' })
      .redirects(0)
    wrong.assertFlashMessage('inputErrorsBag', { password: ['The password is incorrect'] })
    assert.isTrue(await otherSessionLives())

    const right = await client
      .post('/settings/two-factor/recovery-codes')
      .withCsrfToken()
      .loginAs(user)
      .form({ password: PASSWORD })
      .redirects(0)

    right.assertFlashMessage(
      'success',
      'New recovery codes made. Your other sessions were logged out.'
    )
    const fresh = (right.flashMessages() as Record<string, any>).newRecoveryCodes as string[]
    assert.lengthOf(fresh, 10)
    assert.isFalse(await otherSessionLives())
    assert.isFalse(await consumeRecoveryCode(user, recoveryCodes[1]))
    assert.isTrue(await consumeRecoveryCode(user, fresh[1]))
    fake.mails.assertSent(SecurityNotification, ({ message }) => {
      message.assertSubject('New recovery codes')
      return true
    })
  })

  test('new recovery codes are refused while two-factor sign-in is off', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/settings/two-factor/recovery-codes')
      .withCsrfToken()
      .loginAs(user)
      .form({ password: PASSWORD })
      .redirects(0)

    response.assertFlashMessage('error', 'Turn on two-factor sign-in first.')
    assert.lengthOf(await db.from('two_factor_recovery_codes').where('user_id', user.id), 0)
  })

  test('the activity record notes the change without the secret', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await startSetup(client, user)

    const entries = await db
      .from('activities')
      .where('subject_type', 'user')
      .where('subject_id', String(user.id))
      .where('action', 'updated')
    const changes = entries.map((entry) =>
      typeof entry.changes === 'string' ? JSON.parse(entry.changes) : entry.changes
    )
    const secretChange = changes.find((change) => 'two_factor_secret' in change)
    assert.deepEqual(secretChange.two_factor_secret, [null, '[redacted]'])
  })
})
