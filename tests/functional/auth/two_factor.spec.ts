import { test } from '@japa/runner'
import { SoftwareAuthenticator } from '#tests/helpers/software_authenticator'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import UserSession from '#models/user_session'
import SecurityNotification from '#mails/security_notification'
import { UserFactory } from '#database/factories/user_factory'
import {
  clearRateLimits,
  fakeMail,
  linkPath,
  logOutOtherSessions,
  sentMessages,
} from '#tests/helpers/accounts'
import { staffWith } from '#tests/helpers/admin'
import { enableTotp, totpCode, wrongTotpCode } from '#tests/helpers/two_factor'
import {
  LOGIN_AGAIN,
  assertBackToPassword,
  codeStep,
  passwordStep,
  wrongCodeSteps,
  wrongCodesFromManyIps,
} from '#tests/helpers/two_factor_login'
import { remainingRecoveryCodes } from '#services/two_factor/recovery_codes'
import { verifySecondStep } from '#services/two_factor/second_step'

const PASSWORD = 'password-123'
const WRONG_CODE = 'The code is incorrect or was already used.'

test.group('Two-factor login | second step', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('the password alone does not log in: the code form comes next', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await enableTotp(user)

    const session = await passwordStep(client, user)
    assert.isUndefined(session.auth_web)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)

    const page = await client.get('/login/two-factor').withSession(session).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('auth/two_factor')
    // No passkey of theirs: the page offers none.
    page.assertInertiaPropsContains({ hasPasskeys: false })
  })

  test("the code form offers the user's passkeys when they have any", async ({ client }) => {
    const user = await UserFactory.create()
    await enableTotp(user)
    await new SoftwareAuthenticator().storeFor(user)

    const session = await passwordStep(client, user)
    const page = await client.get('/login/two-factor').withSession(session).withInertia()

    page.assertInertiaComponent('auth/two_factor')
    page.assertInertiaPropsContains({ hasPasskeys: true })
  })

  test('a user without a second factor logs in with the password alone', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: user.email, password: PASSWORD })
      .redirects(0)

    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
  })

  test('the right code from the app logs in', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)

    const response = await codeStep(client, session, { code: totpCode(secret) })

    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
    response.assertFlashMessage('success', `Welcome back, ${user.fullName}.`)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 1)
    // The session knows its login passed a second factor.
    assert.equal(response.session().login?.method, 'second_factor')
  })

  test('keeps "remember me" and the next page of the password step', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const first = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: user.email, password: PASSWORD, remember: 'true', next: '/projects' })
      .redirects(0)

    const response = await codeStep(client, first.session(), { code: totpCode(secret) })

    response.assertHeader('location', '/projects')
    const cookies = ([] as string[]).concat(response.header('set-cookie') ?? [])
    assert.isTrue(cookies.some((cookie) => cookie.startsWith('remember_web=')))
  })

  test('a wrong code is refused on its field, nothing logged in', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)
    const response = await codeStep(client, session, { code: wrongTotpCode(secret) })

    response.assertHeader('location', '/login/two-factor')
    response.assertFlashMessage('inputErrorsBag', { code: [WRONG_CODE] })
    assert.isUndefined(response.session().auth_web)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
  })

  test('a code already used is refused the second time', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const code = totpCode(secret)
    const first = await codeStep(client, await passwordStep(client, user), { code })
    first.assertSession('auth_web', user.id)

    const again = await codeStep(client, await passwordStep(client, user), { code })

    again.assertFlashMessage('inputErrorsBag', { code: [WRONG_CODE] })
    assert.isUndefined(again.session().auth_web)
  })

  test('a login that waited too long goes back to the password', async ({ client }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)
    session.login.pending.expiresAt = Date.now() - 1

    const response = await codeStep(client, session, { code: totpCode(secret) })

    assertBackToPassword(response)
    const page = await client.get('/login/two-factor').withSession(session).redirects(0)
    page.assertHeader('location', '/login')
  })

  test('posting a code without the password step logs nobody in', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    const response = await client
      .post('/login/two-factor')
      .withCsrfToken()
      .form({ code: totpCode(secret) })
      .redirects(0)

    assertBackToPassword(response)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
  })

  test('the code form sends a guest without a waiting login to the login form', async ({
    client,
  }) => {
    const response = await client.get('/login/two-factor').redirects(0)

    response.assertHeader('location', '/login')
  })

  test('the code form is for guests only', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/login/two-factor').loginAs(user).redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/')
  })

  test('an account deactivated during the second step is not logged in', async ({ client }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)
    user.isActive = false
    await user.save()

    const response = await codeStep(client, session, { code: totpCode(secret) })

    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
  })
})

test.group('Two-factor login | recovery codes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('a recovery code logs in once, ends other sessions and mails the user', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)
    await UserSession.create({
      userId: user.id,
      keyHash: 'e'.repeat(64),
      lastSeenAt: DateTime.now(),
    })

    const response = await codeStep(client, await passwordStep(client, user), {
      recoveryCode: recoveryCodes[0],
    })

    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
    const sessions = await UserSession.query().where('user_id', user.id)
    assert.lengthOf(sessions, 1)
    assert.notEqual(sessions[0].keyHash, 'e'.repeat(64))
    assert.equal(await remainingRecoveryCodes(user), 9)
    fake.mails.assertSent(SecurityNotification, ({ message }) => {
      message.assertTo(user.email)
      message.assertSubject('A recovery code was used')
      return true
    })

    const again = await codeStep(client, await passwordStep(client, user), {
      recoveryCode: recoveryCodes[0],
    })
    again.assertFlashMessage('inputErrorsBag', { recoveryCode: [WRONG_CODE] })
    assert.isUndefined(again.session().auth_web)
    assert.equal(await remainingRecoveryCodes(user), 9)
  })

  test('a code of another account is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await enableTotp(user)
    const other = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(other)

    const response = await codeStep(client, await passwordStep(client, user), {
      recoveryCode: recoveryCodes[0],
    })

    response.assertFlashMessage('inputErrorsBag', { recoveryCode: [WRONG_CODE] })
    assert.equal(await remainingRecoveryCodes(other), 10)
  })

  test('a form with neither code is refused', async ({ client }) => {
    const user = await UserFactory.create()
    await enableTotp(user)

    const response = await codeStep(client, await passwordStep(client, user), {})

    response.assertFlashMessage('inputErrorsBag', {
      code: ['Enter the code from your app, or a recovery code.'],
    })
    response.assertSessionMissing('auth_web')
  })
})

test.group('Two-factor login | throttle', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('allows 5 wrong codes from one IP, then refuses even the right one', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    const wrongs = await wrongCodeSteps(client, user, {
      times: 5,
      wrongCode: () => wrongTotpCode(secret),
    })
    for (const wrong of wrongs) {
      wrong.assertFlashMessage('inputErrorsBag', { code: [WRONG_CODE] })
    }
    const blocked = await codeStep(client, await passwordStep(client, user), {
      code: totpCode(secret),
    })

    blocked.assertStatus(302)
    blocked.assertFlashMessage('error', 'Too many failed codes. Try again in 5 minutes.')
    assert.isUndefined(blocked.session().auth_web)
  })

  test('5 wrong codes drop the waiting login: the password comes again', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)

    const wrongs = await wrongCodeSteps(client, user, {
      times: 4,
      wrongCode: () => wrongTotpCode(secret),
      session,
    })
    for (const wrong of wrongs) {
      wrong.assertFlashMessage('inputErrorsBag', { code: [WRONG_CODE] })
    }
    const fifth = await codeStep(client, session, { code: wrongTotpCode(secret) })
    fifth.assertHeader('location', '/login')
    fifth.assertFlashMessage('error', 'Too many wrong codes. Enter your email and password again.')
    assert.isUndefined(fifth.session().login?.pending)

    // The session as it was before the fifth code (a replayed cookie) does not bring it back
    const replayed = await codeStep(client, session, { code: totpCode(secret) })
    assertBackToPassword(replayed)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
  })

  test('wrong codes from many IPs hit the per-user lock, which mails the user once', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    for (const answer of await wrongCodesFromManyIps(user, secret, 10)) {
      assert.isNull(answer)
    }
    await assert.rejects(
      () => verifySecondStep(user, { code: totpCode(secret) }, '203.0.113.99'),
      'Too many failed codes. Try again in 15 minutes.'
    )
    const blocked = await codeStep(client, await passwordStep(client, user), {
      code: totpCode(secret),
    })

    blocked.assertFlashMessage('error', 'Too many failed codes. Try again in 15 minutes.')
    blocked.assertSessionMissing('auth_web')
    const warnings = sentMessages(fake).filter(
      (message) => message.nodeMailerMessage.subject === 'Several wrong two-factor codes'
    )
    assert.lengthOf(warnings, 1)
    warnings[0].assertTo(user.email)
  })

  test('a right code from one IP does not forgive wrong codes from the others', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    await wrongCodesFromManyIps(user, secret, 9)
    assert.equal(await verifySecondStep(user, { code: totpCode(secret) }, '198.51.100.7'), 'totp')
    assert.isNull(await verifySecondStep(user, { code: wrongTotpCode(secret) }, '198.51.100.8'))

    await assert.rejects(
      () => verifySecondStep(user, { code: totpCode(secret, 1) }, '198.51.100.7'),
      'Too many failed codes. Try again in 15 minutes.'
    )
  })

  test('a right code forgives the wrong ones before it', async ({ client }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)

    await wrongCodeSteps(client, user, { times: 4, wrongCode: () => wrongTotpCode(secret) })
    const passed = await codeStep(client, await passwordStep(client, user), {
      code: totpCode(secret),
    })
    passed.assertSession('auth_web', user.id)

    const wrongs = await wrongCodeSteps(client, user, { times: 4, wrongCode: () => 'abcdef' })
    for (const wrong of wrongs) {
      wrong.assertFlashMessage('inputErrorsBag', { code: [WRONG_CODE] })
    }
    const later = await codeStep(client, await passwordStep(client, user), {
      code: totpCode(secret, 1),
    })
    later.assertSession('auth_web', user.id)
  })
})

test.group('Two-factor login | a waiting login that no longer holds', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('a password reset between the steps refuses the code: back to the password', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)

    await client.post('/forgot-password').withCsrfToken().form({ email: user.email })
    const token = linkPath(sentMessages(fake)[0]).replace('/reset-password/', '')
    const reset = await client
      .post(`/reset-password/${token}`)
      .withCsrfToken()
      .form({ password: 'a-new-password-456', passwordConfirmation: 'a-new-password-456' })
      .redirects(0)
    reset.assertFlashMessage('success', 'Your password has been reset. Log in with the new one.')

    const response = await codeStep(client, session, { code: totpCode(secret) })

    assertBackToPassword(response)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
    const page = await client.get('/login/two-factor').withSession(session).redirects(0)
    page.assertHeader('location', '/login')
  })

  test('a password change between the steps refuses the code', async ({ client }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)
    user.password = 'a-new-password-456'
    await user.save()

    const response = await codeStep(client, session, { code: totpCode(secret) })

    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
  })

  test('logging out the other sessions between the steps refuses the code', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)

    const ended = await logOutOtherSessions(client, user)
    ended.assertFlashMessage('success', 'Your other sessions were logged out.')

    const response = await codeStep(client, session, { code: totpCode(secret) })

    assertBackToPassword(response)
    // Only the browser that logged the others out is still logged in.
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 1)
  })

  test('an account deactivated and reactivated between the steps refuses the code', async ({
    client,
  }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)
    user.isActive = false
    await user.save()
    user.isActive = true
    await user.save()

    const response = await codeStep(client, session, { code: totpCode(secret) })

    assertBackToPassword(response)
  })

  test('a login started after the other sessions were logged out finishes', async ({ client }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    await logOutOtherSessions(client, user)
    const session = await passwordStep(client, user)

    const response = await codeStep(client, session, { code: totpCode(secret) })

    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
  })

  test('a second factor reset by an admin between the steps refuses the login', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['user.view', 'user.change'])
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const session = await passwordStep(client, user)

    const reset = await client
      .post('/admin/users/actions')
      .withCsrfToken()
      .header('referer', '/admin/users')
      .loginAs(staff)
      .json({ action: 'reset_second_factor', ids: [String(user.id)] })
      .redirects(0)
    reset.assertFlashMessage('success', 'Second factor reset for 1 user')
    // Set up again at once: the waiting login was for the old factor all the same
    const { secret: newSecret } = await enableTotp(user)

    for (const code of [totpCode(secret), totpCode(newSecret)]) {
      const response = await codeStep(client, session, { code })
      assertBackToPassword(response)
    }
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
  })

  test('a finished login cannot be replayed after logging out', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { secret } = await enableTotp(user)
    const waiting = await passwordStep(client, user)
    const login = await codeStep(client, waiting, { code: totpCode(secret) })
    login.assertSession('auth_web', user.id)
    const logout = await client
      .post('/logout')
      .withCsrfToken()
      .withSession(login.session())
      .redirects(0)
    logout.assertHeader('location', '/login')

    const again = await codeStep(client, logout.session(), { code: totpCode(secret, 1) })
    assertBackToPassword(again)

    // Nor the session as it was while the login waited (a copy of the old cookie)
    const replayed = await codeStep(client, waiting, { code: totpCode(secret, 1) })
    replayed.assertHeader('location', '/login')
    replayed.assertSessionMissing('auth_web')
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 0)
  })

  test('one recovery code sent twice at once logs in exactly once', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { recoveryCodes } = await enableTotp(user)
    const sessions = [await passwordStep(client, user), await passwordStep(client, user)]

    const responses = await Promise.all(
      sessions.map((session) => codeStep(client, session, { recoveryCode: recoveryCodes[4] }))
    )

    const loggedIn = responses.filter((response) => response.session().auth_web === user.id)
    assert.lengthOf(loggedIn, 1)
    const refused = responses.find((response) => response.session().auth_web !== user.id)!
    // Refused for whichever came first: the code already used, or the winner's recovery code
    // ending every session of the user, this waiting login with them.
    const flash = refused.flashMessages() as {
      error?: string
      inputErrorsBag?: { recoveryCode?: string[] }
    }
    const answers = [flash.inputErrorsBag?.recoveryCode?.[0], flash.error].filter(Boolean)
    assert.lengthOf(answers, 1)
    assert.oneOf(answers[0], [WRONG_CODE, LOGIN_AGAIN])
    assert.equal(await remainingRecoveryCodes(user), 9)
  })
})
