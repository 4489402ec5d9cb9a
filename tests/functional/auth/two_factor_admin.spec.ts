import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import accountsConfig from '#config/accounts'
import UserSession from '#models/user_session'
import AccessToken from '#models/access_token'
import { tokenOf } from '#tests/helpers/access_tokens'
import SecurityNotification from '#mails/security_notification'
import { UserFactory } from '#database/factories/user_factory'
import { staffWith } from '#tests/helpers/admin'
import { clearRateLimits, fakeMail } from '#tests/helpers/accounts'
import { enableTotp } from '#tests/helpers/two_factor'
import { remainingRecoveryCodes } from '#services/two_factor/recovery_codes'
import { SECOND_FACTOR_REQUIRED_MESSAGE } from '#middleware/admin_middleware'

test.group('Two-factor | staff policy', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())
  group.each.teardown(() => {
    accountsConfig.requireSecondFactorForStaff = false
  })

  test('with the policy on, staff without a second factor are sent to set one up', async ({
    client,
  }) => {
    accountsConfig.requireSecondFactorForStaff = true
    const staff = await UserFactory.apply('superuser').create()

    for (const path of ['/admin', '/admin/users', '/admin/tasks/add']) {
      const response = await client.get(path).loginAs(staff).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/settings/two-factor')
      response.assertFlashMessage('error', SECOND_FACTOR_REQUIRED_MESSAGE)
    }
    const settings = await client.get('/settings/two-factor').withInertia().loginAs(staff)
    settings.assertStatus(200)
  })

  test('with the policy on, staff with a second factor enter the admin', async ({ client }) => {
    accountsConfig.requireSecondFactorForStaff = true
    const staff = await UserFactory.apply('superuser').create()
    await enableTotp(staff)

    const response = await client.get('/admin').withInertia().loginAs(staff)

    response.assertStatus(200)
    response.assertInertiaComponent('admin/index')
  })

  test('with the policy off, staff without a second factor enter the admin', async ({ client }) => {
    const staff = await UserFactory.apply('superuser').create()

    const response = await client.get('/admin').withInertia().loginAs(staff)

    response.assertStatus(200)
    response.assertInertiaComponent('admin/index')
  })

  test('the policy does not let non-staff in', async ({ client }) => {
    accountsConfig.requireSecondFactorForStaff = true
    const user = await UserFactory.create()
    await enableTotp(user)

    const response = await client.get('/admin').loginAs(user).redirects(0)

    response.assertStatus(403)
  })
})

test.group('Two-factor | admin', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('the user list shows whether two-factor is on, never the secret', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const user = await UserFactory.merge({ email: 'aa-first@example.com' }).create()
    await enableTotp(user)

    const response = await client.get('/admin/users').withInertia().loginAs(admin)

    const props = response.inertiaProps as Record<string, any>
    const column = props.columns.findIndex((col: { name: string }) => col.name === 'twoFactor')
    assert.isAbove(column, -1)
    assert.equal(props.columns[column].label, 'Two-factor')
    const row = props.rows.find((candidate: { id: string }) => candidate.id === String(user.id))
    const other = props.rows.find((candidate: { id: string }) => candidate.id === String(admin.id))
    assert.isTrue(row.cells[column])
    assert.isFalse(other.cells[column])
    assert.notInclude(JSON.stringify(props), String(user.twoFactorSecret))

    const form = await client.get(`/admin/users/${user.id}`).withInertia().loginAs(admin)
    assert.notInclude(JSON.stringify(form.inertiaProps), String(user.twoFactorSecret))
  })

  test('"Reset second factor" clears it, ends sessions and tokens, mails and is recorded', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const staff = await staffWith(['user.view', 'user.change'])
    const user = await UserFactory.create()
    await enableTotp(user)
    await UserSession.create({
      userId: user.id,
      keyHash: 'a'.repeat(64),
      lastSeenAt: DateTime.now(),
    })
    const token = await tokenOf(user, 'CLI')
    const untouched = await UserFactory.create()
    await tokenOf(untouched, 'CLI')

    const response = await client
      .post('/admin/users/actions')
      .withCsrfToken()
      .header('referer', '/admin/users')
      .loginAs(staff)
      .json({ action: 'reset_second_factor', ids: [String(user.id)] })
      .redirects(0)

    response.assertFlashMessage('success', 'Second factor reset for 1 user')
    const row = await db.from('users').where('id', user.id).first()
    assert.isNull(row.two_factor_secret)
    assert.isNull(row.two_factor_confirmed_at)
    assert.equal(await remainingRecoveryCodes(user), 0)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
    assert.lengthOf(await AccessToken.query().where('tokenable_id', user.id), 0)
    assert.lengthOf(await AccessToken.query().where('tokenable_id', untouched.id), 1)
    const api = await client.get('/api/v1/me').bearerToken(token.secret)
    api.assertStatus(401)
    fake.mails.assertSent(SecurityNotification, ({ message }) => {
      message.assertTo(user.email)
      message.assertSubject('Your second factor was reset')
      return true
    })
    const entry = await db
      .from('activities')
      .where('subject_type', 'user')
      .where('subject_id', String(user.id))
      .where('action', 'updated')
      .orderBy('id', 'desc')
      .first()
    assert.equal(entry.actor_id, staff.id)
    const changes = typeof entry.changes === 'string' ? JSON.parse(entry.changes) : entry.changes
    assert.deepEqual(changes.two_factor_secret, ['[redacted]', null])
  })

  test('"Reset second factor" is refused without user.change', async ({ client, assert }) => {
    const staff = await staffWith(['user.view'])
    const user = await UserFactory.create()
    await enableTotp(user)

    const response = await client
      .post('/admin/users/actions')
      .withCsrfToken()
      .header('referer', '/admin/users')
      .loginAs(staff)
      .json({ action: 'reset_second_factor', ids: [String(user.id)] })
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('error', 'You are not allowed to do this.')
    const row = await db.from('users').where('id', user.id).first()
    assert.isNotNull(row.two_factor_secret)
    assert.equal(await remainingRecoveryCodes(user), 10)
  })

  test("a staff member without superuser status leaves a superuser's second factor", async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['user.view', 'user.change'])
    const superuser = await UserFactory.apply('superuser').create()
    await enableTotp(superuser)

    const response = await client
      .post('/admin/users/actions')
      .withCsrfToken()
      .header('referer', '/admin/users')
      .loginAs(staff)
      .json({ action: 'reset_second_factor', ids: [String(superuser.id)] })
      .redirects(0)

    response.assertFlashMessage('success', 'Second factor reset for 0 users')
    const row = await db.from('users').where('id', superuser.id).first()
    assert.isNotNull(row.two_factor_confirmed_at)
  })
})
