import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import User from '#models/user'
import hash from '@adonisjs/core/services/hash'
import UserSession from '#models/user_session'
import testUtils from '@adonisjs/core/services/test_utils'
import PasswordResetToken from '#models/password_reset_token'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { UserFactory } from '#database/factories/user_factory'
import Project from '#models/project'
import { addMember } from '#services/projects/project_membership'
import { ProjectFactory } from '#database/factories/project_factory'
import { clearRateLimits, fakeMail, logOutOtherSessions } from '#tests/helpers/accounts'

const PASSWORD = 'password-123'

test.group('Settings | access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('every settings page sends guests to log in', async ({ client }) => {
    for (const path of [
      '/settings/profile',
      '/settings/password',
      '/settings/appearance',
      '/settings/two-factor',
      '/settings/sessions',
      '/settings/tokens',
      '/settings/account',
    ]) {
      const response = await client.get(path).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/login')
    }
  })

  test('every settings page renders for its user', async ({ client }) => {
    const user = await UserFactory.create()
    const pages = {
      '/settings/profile': 'settings/profile',
      '/settings/password': 'settings/password',
      '/settings/appearance': 'settings/appearance',
      '/settings/two-factor': 'settings/two_factor',
      '/settings/sessions': 'settings/sessions',
      '/settings/tokens': 'settings/tokens',
      '/settings/account': 'settings/account',
    }
    for (const [path, component] of Object.entries(pages)) {
      const response = await client.get(path).withInertia().loginAs(user)
      response.assertStatus(200)
      response.assertInertiaComponent(component)
    }
  })
})

test.group('Settings | profile', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('saves a new name', async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.merge({ emailVerifiedAt: DateTime.now() }).create()

    const response = await client
      .put('/settings/profile')
      .withCsrfToken()
      .loginAs(user)
      .form({ fullName: 'Grace Hopper', email: user.email })
      .redirects(0)

    response.assertHeader('location', '/settings/profile')
    response.assertFlashMessage('success', 'Profile saved.')
    await user.refresh()
    assert.equal(user.fullName, 'Grace Hopper')
    assert.isNotNull(user.emailVerifiedAt)
    fake.mails.assertNoneSent()
  })

  test('a new email must be verified again', async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.merge({ emailVerifiedAt: DateTime.now() }).create()

    const response = await client
      .put('/settings/profile')
      .withCsrfToken()
      .loginAs(user)
      .form({ fullName: user.fullName, email: 'New@Example.com', currentPassword: PASSWORD })
      .redirects(0)

    response.assertFlashMessage(
      'success',
      'Profile saved. We sent a link to new@example.com to verify the new address.'
    )
    await user.refresh()
    assert.equal(user.email, 'new@example.com')
    assert.isNull(user.emailVerifiedAt)
    fake.mails.assertSent(VerifyEmailNotification, ({ message }) => {
      message.assertTo('new@example.com')
      return true
    })
  })

  test('changing the email needs the current password', async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.merge({ email: 'ada@example.com' }).create()

    for (const currentPassword of [undefined, 'not-my-password']) {
      const response = await client
        .put('/settings/profile')
        .withCsrfToken()
        .header('referer', '/settings/profile')
        .loginAs(user)
        .form({ fullName: user.fullName, email: 'thief@example.com', currentPassword })
        .redirects(0)
      response.assertFlashMessage('inputErrorsBag', {
        currentPassword: ['The password is incorrect'],
      })
    }
    await user.refresh()
    assert.equal(user.email, 'ada@example.com')
    fake.mails.assertNoneSent()
  })

  test('a new email cancels the reset links mailed to the old one', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    await PasswordResetToken.create({
      userId: user.id,
      tokenHash: '9'.repeat(64),
      expiresAt: DateTime.now().plus({ hours: 1 }),
    })

    await client
      .put('/settings/profile')
      .withCsrfToken()
      .loginAs(user)
      .form({ fullName: user.fullName, email: 'new@example.com', currentPassword: PASSWORD })
      .redirects(0)

    assert.lengthOf(await PasswordResetToken.query().where('user_id', user.id), 0)
  })

  test('refuses an email that belongs to another account', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const other = await UserFactory.create()

    const response = await client
      .put('/settings/profile')
      .withCsrfToken()
      .header('referer', '/settings/profile')
      .loginAs(user)
      .form({ fullName: 'Changed Name', email: other.email })
      .redirects(0)

    response.assertFlashMessage('inputErrorsBag', { email: ['The email has already been taken'] })
    const fresh = await User.findOrFail(user.id)
    assert.equal(fresh.email, user.email)
    assert.equal(fresh.fullName, user.fullName)
  })

  test('refuses an empty or overlong name', async ({ client }) => {
    const user = await UserFactory.create()

    for (const fullName of ['', 'x'.repeat(121)]) {
      const response = await client
        .put('/settings/profile')
        .withCsrfToken()
        .header('referer', '/settings/profile')
        .loginAs(user)
        .form({ fullName, email: user.email })
        .redirects(0)
      response.assertFlashMessage('inputErrorsBag')
    }
  })
})

test.group('Settings | password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('needs the current password, and changes nothing without it', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await client
      .put('/settings/password')
      .withCsrfToken()
      .header('referer', '/settings/password')
      .loginAs(user)
      .form({
        currentPassword: 'not-my-password',
        password: 'fresh-secret-value-9',
        passwordConfirmation: 'fresh-secret-value-9',
      })
      .redirects(0)

    response.assertFlashMessage('inputErrorsBag', {
      currentPassword: ['The password is incorrect'],
    })
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, PASSWORD))
  })

  test('changes it and ends every other session; this browser gets a new one', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const other = await UserSession.create({
      userId: user.id,
      keyHash: 'b'.repeat(64),
      lastSeenAt: DateTime.now(),
    })

    const response = await client
      .put('/settings/password')
      .withCsrfToken()
      .loginAs(user)
      .form({
        currentPassword: PASSWORD,
        password: 'fresh-secret-value-9',
        passwordConfirmation: 'fresh-secret-value-9',
      })
      .redirects(0)

    response.assertHeader('location', '/settings/password')
    response.assertSession('auth_web', user.id)
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, 'fresh-secret-value-9'))
    const remaining = await UserSession.query().where('user_id', user.id)
    assert.lengthOf(remaining, 1)
    assert.notEqual(remaining[0].id, other.id)
  })
})

test.group('Settings | password confirmation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('allows 5 wrong passwords, then makes the user wait', async ({ client }) => {
    const user = await UserFactory.create()
    const attempt = () =>
      client
        .delete('/settings/account')
        .withCsrfToken()
        .header('referer', '/settings/account')
        .loginAs(user)
        .form({ password: 'a-wrong-guess' })
        .redirects(0)

    for (let tries = 0; tries < 5; tries++) await attempt()
    const response = await client
      .delete('/settings/account')
      .withCsrfToken()
      .header('referer', '/settings/account')
      .loginAs(user)
      .form({ password: PASSWORD })
      .redirects(0)

    response.assertFlashMessage('error', 'Too many password attempts. Try again in 15 minutes.')
    await User.findOrFail(user.id)
  })
})

test.group('Settings | sessions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists the sessions, marking this browser', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await UserSession.create({
      userId: user.id,
      keyHash: 'c'.repeat(64),
      ipAddress: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0',
      lastSeenAt: DateTime.now().minus({ days: 1 }),
    })

    const response = await client
      .get('/settings/sessions')
      .withInertia()
      .header('user-agent', 'AtriumTest/1.0')
      .loginAs(user)

    const sessions = response.inertiaProps.sessions as Array<Record<string, unknown>>
    assert.lengthOf(sessions, 2)
    assert.containSubset(sessions[0], { current: true, userAgent: 'AtriumTest/1.0' })
    assert.containSubset(sessions[1], {
      current: false,
      ipAddress: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0',
    })
    assert.notProperty(sessions[0], 'keyHash')
  })

  test('logs out the other sessions after the password', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await UserSession.create({
      userId: user.id,
      keyHash: 'd'.repeat(64),
      lastSeenAt: DateTime.now(),
    })

    const wrong = await client
      .delete('/settings/sessions')
      .withCsrfToken()
      .header('referer', '/settings/sessions')
      .loginAs(user)
      .form({ password: 'not-my-password' })
      .redirects(0)
    wrong.assertFlashMessage('inputErrorsBag', { password: ['The password is incorrect'] })
    assert.lengthOf(await UserSession.query().where('key_hash', 'd'.repeat(64)), 1)

    const right = await logOutOtherSessions(client, user)
    right.assertHeader('location', '/settings/sessions')
    right.assertFlashMessage('success', 'Your other sessions were logged out.')
    assert.lengthOf(await UserSession.query().where('key_hash', 'd'.repeat(64)), 0)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 1)
  })

  test('an ended session is logged out on its next request', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client
      .get('/settings/profile')
      .withSession({ auth_web: user.id, session_key: 'a-key-whose-row-was-deleted' })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})

test.group('Settings | delete account', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('needs the password, and deletes nothing without it', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await client
      .delete('/settings/account')
      .withCsrfToken()
      .header('referer', '/settings/account')
      .loginAs(user)
      .form({ password: 'not-my-password' })
      .redirects(0)

    response.assertFlashMessage('inputErrorsBag', { password: ['The password is incorrect'] })
    assert.isNotNull(await User.find(user.id))
  })

  test('deletes the account with its sessions and tokens, and logs out', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const other = await UserFactory.create()
    await UserSession.create({
      userId: user.id,
      keyHash: 'e'.repeat(64),
      lastSeenAt: DateTime.now(),
    })
    await PasswordResetToken.create({
      userId: user.id,
      tokenHash: 'f'.repeat(64),
      expiresAt: DateTime.now().plus({ hours: 1 }),
    })

    const response = await client
      .delete('/settings/account')
      .withCsrfToken()
      .loginAs(user)
      .form({ password: PASSWORD })
      .redirects(0)

    response.assertHeader('location', '/')
    response.assertFlashMessage('success', 'Your account and its data were deleted.')
    response.assertSessionMissing('auth_web')
    assert.isNull(await User.find(user.id))
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
    assert.lengthOf(await PasswordResetToken.query().where('user_id', user.id), 0)
    assert.isNotNull(await User.find(other.id))
  })
})

test.group('Settings | delete account with projects', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('refuses while the account owns a project shared with others', async ({
    client,
    assert,
  }) => {
    const owner = await UserFactory.create()
    const colleague = await UserFactory.create()
    const project = await ProjectFactory.merge({ ownerId: owner.id, name: 'Apollo' }).create()
    await addMember(project, owner, 'owner')
    await addMember(project, colleague, 'editor')

    const response = await client
      .delete('/settings/account')
      .withCsrfToken()
      .header('referer', '/settings/account')
      .loginAs(owner)
      .form({ password: PASSWORD })
      .redirects(0)

    response.assertFlashMessage(
      'error',
      'You own projects shared with others (Apollo). Hand their ownership to another member, or delete them, first.'
    )
    assert.isNotNull(await User.find(owner.id))
  })

  test('deletes the projects where the account is the only member', async ({ client, assert }) => {
    const owner = await UserFactory.create()
    const project = await ProjectFactory.merge({ ownerId: owner.id }).with('tasks', 2).create()
    await addMember(project, owner, 'owner')

    const response = await client
      .delete('/settings/account')
      .withCsrfToken()
      .loginAs(owner)
      .form({ password: PASSWORD })
      .redirects(0)

    response.assertFlashMessage('success', 'Your account and its data were deleted.')
    assert.isNull(await User.find(owner.id))
    assert.isNull(await Project.find(project.id))
  })
})
