import { test } from '@japa/runner'
import type { SessionData } from '@adonisjs/session/types'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import type User from '#models/user'
import Passkey from '#models/passkey'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits } from '#tests/helpers/accounts'
import { SoftwareAuthenticator } from '#tests/helpers/software_authenticator'
import { loginIpLimiter } from '#services/accounts/account_throttle'
import { challengeKey } from '#services/accounts/passkey_challenge'
import { newPendingLogin } from '#services/accounts/pending_login'

const REFUSED = { passkey: 'This passkey was not accepted.' }
const EXPIRED = { passkey: 'The passkey request expired. Please try again.' }

/** A pending login (password passed, second factor awaited) as pending_login.ts keeps it. */
function pendingLogin(user: User, options: { remember?: boolean; next?: string | null } = {}) {
  const pending = newPendingLogin(user, {
    remember: options.remember ?? false,
    next: options.next ?? null,
  })
  return { login: { pending } }
}

/** Asks for a login challenge, with `session` values already in the session. */
async function loginOptions(client: ApiClient, session: SessionData = {}) {
  const response = await client
    .post('/login/passkey/options')
    .withCsrfToken()
    .withSession(session)
    .header('accept', 'application/json')
  response.assertStatus(200)
  return { challenge: response.body().challenge as string, response }
}

/** Posts an answer to the login challenge, with the session the options left. */
function postLogin(client: ApiClient, session: SessionData, body: object) {
  return client
    .post('/login/passkey')
    .withCsrfToken()
    .withSession(session)
    .header('accept', 'application/json')
    .json(body)
    .redirects(0)
}

/** The field errors of a refused JSON request. */
function fieldErrors(body: { errors?: { field: string; message: string }[] }) {
  return Object.fromEntries((body.errors ?? []).map((error) => [error.field, error.message]))
}

test.group('Passkeys | login with a passkey alone', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('logs in with a passkey, no email typed, and records its use', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator(String(user.id))
    await key.storeFor(user)

    const { challenge, response: options } = await loginOptions(client)
    assert.deepEqual(options.body().allowCredentials, [])
    assert.equal(options.body().userVerification, 'required')
    const response = await postLogin(client, options.session(), {
      credential: key.assertion(challenge),
    })

    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
    const passkey = await Passkey.findByOrFail('credential_id', key.credentialId)
    assert.equal(passkey.counter, 1)
    assert.isNotNull(passkey.lastUsedAt)
  })

  test('keeps "remember me" and the page asked for', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)

    const { challenge, response: options } = await loginOptions(client)
    const response = await postLogin(client, options.session(), {
      credential: key.assertion(challenge),
      remember: true,
      next: '/projects',
    })

    response.assertHeader('location', '/projects')
    const cookies = ([] as string[]).concat(response.header('set-cookie') ?? [])
    assert.isTrue(cookies.some((cookie) => cookie.startsWith('remember_web=')))
  })

  test('a challenge answers one login only', async ({ client }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)

    const { challenge, response: options } = await loginOptions(client)
    const first = await postLogin(client, options.session(), {
      credential: key.assertion(challenge),
    })
    first.assertStatus(302)
    const session = first.session()
    delete session.auth_web
    const second = await postLogin(client, session, { credential: key.assertion(challenge) })

    second.assertStatus(422)
    second.assertBodyContains({ errors: [{ field: 'passkey', message: EXPIRED.passkey }] })
    // Replaying the first request's session (the challenge still in it) is no better: the
    // counter has moved on past the replayed signature's.
  })

  test('an expired challenge is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)

    const { challenge } = await loginOptions(client)
    const session = {
      [challengeKey('authentication')]: { challenge, expiresAt: Date.now() - 1000 },
    }
    const response = await postLogin(client, session, { credential: key.assertion(challenge) })

    response.assertStatus(422)
    assert.deepEqual(fieldErrors(response.body()), EXPIRED)
    assert.isUndefined(response.session().auth_web)
  })

  test('a login without any challenge is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)

    const response = await postLogin(client, {}, { credential: key.assertion('bm8tY2hhbGxlbmdl') })

    assert.deepEqual(fieldErrors(response.body()), EXPIRED)
    assert.isUndefined(response.session().auth_web)
  })

  test('an answer to another challenge is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)

    const { response: options } = await loginOptions(client)
    const response = await postLogin(client, options.session(), {
      credential: key.assertion('YW5vdGhlci1jaGFsbGVuZ2U'),
    })

    assert.deepEqual(fieldErrors(response.body()), REFUSED)
    assert.isUndefined(response.session().auth_web)
  })

  test('a passkey used on another origin or for another site is refused', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)

    for (const ceremony of [{ origin: 'https://evil.example' }, { rpId: 'evil.example' }]) {
      const { challenge, response: options } = await loginOptions(client)
      const response = await postLogin(client, options.session(), {
        credential: key.assertion(challenge, ceremony),
      })
      assert.deepEqual(fieldErrors(response.body()), REFUSED)
      assert.isUndefined(response.session().auth_web)
    }
    const passkey = await Passkey.findByOrFail('credential_id', key.credentialId)
    assert.equal(passkey.counter, 0)
    assert.isNull(passkey.lastUsedAt)
  })

  test('an unknown passkey is refused', async ({ client, assert }) => {
    await UserFactory.create()
    const stranger = new SoftwareAuthenticator()

    const { challenge, response: options } = await loginOptions(client)
    const response = await postLogin(client, options.session(), {
      credential: stranger.assertion(challenge),
    })

    assert.deepEqual(fieldErrors(response.body()), REFUSED)
    assert.isUndefined(response.session().auth_web)
  })

  test('a passkey signed by another key is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)
    const forger = new SoftwareAuthenticator()
    Object.defineProperty(forger, 'credentialId', { value: key.credentialId })

    const { challenge, response: options } = await loginOptions(client)
    const response = await postLogin(client, options.session(), {
      credential: forger.assertion(challenge),
    })

    assert.deepEqual(fieldErrors(response.body()), REFUSED)
    assert.isUndefined(response.session().auth_web)
  })

  test('a signature counter that went backwards is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    key.counter = 10
    await key.storeFor(user)
    key.counter = 4

    const { challenge, response: options } = await loginOptions(client)
    const response = await postLogin(client, options.session(), {
      credential: key.assertion(challenge),
    })

    assert.deepEqual(fieldErrors(response.body()), REFUSED)
    assert.isUndefined(response.session().auth_web)
    const passkey = await Passkey.findByOrFail('credential_id', key.credentialId)
    assert.equal(passkey.counter, 10)
  })

  test('the passkey of an inactive account is refused', async ({ client, assert }) => {
    const user = await UserFactory.apply('inactive').create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)

    const { challenge, response: options } = await loginOptions(client)
    const response = await postLogin(client, options.session(), {
      credential: key.assertion(challenge),
    })

    assert.deepEqual(fieldErrors(response.body()), REFUSED)
    assert.isUndefined(response.session().auth_web)
  })

  test('failed passkey logins count against the per-IP login limit', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)
    for (let attempt = 0; attempt < 50; attempt++) {
      await loginIpLimiter().consume('login-ip:127.0.0.1')
    }

    const { challenge, response: options } = await loginOptions(client)
    const response = await postLogin(client, options.session(), {
      credential: key.assertion(challenge),
    })

    response.assertStatus(429)
    assert.isUndefined(response.session().auth_web)
  })

  test('logged-in users cannot reach the passkey login', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/login/passkey/options')
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertStatus(302)
  })

  test('the passkey login needs the CSRF token', async ({ client, assert }) => {
    const response = await client
      .post('/login/passkey/options')
      .header('accept', 'application/json')
      .redirects(0)

    assert.notEqual(response.status(), 200)
    assert.notProperty(response.body() ?? {}, 'challenge')
    assert.isUndefined(response.session()[challengeKey('authentication')])
  })
})

test.group('Passkeys | the second step of a login', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test("offers only the waiting user's passkeys", async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)
    await new SoftwareAuthenticator().storeFor(await UserFactory.create())

    const { response } = await loginOptions(client, pendingLogin(user))

    assert.deepEqual(
      response.body().allowCredentials.map((credential: { id: string }) => credential.id),
      [key.credentialId]
    )
  })

  test("the waiting user's passkey finishes the login with its remember and next", async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)

    const { challenge, response: options } = await loginOptions(
      client,
      pendingLogin(user, { remember: true, next: '/settings/profile' })
    )
    const response = await postLogin(client, options.session(), {
      credential: key.assertion(challenge),
      next: '/elsewhere',
    })

    response.assertStatus(302)
    response.assertHeader('location', '/settings/profile')
    response.assertSession('auth_web', user.id)
    assert.isUndefined(response.session().login?.pending)
    const cookies = ([] as string[]).concat(response.header('set-cookie') ?? [])
    assert.isTrue(cookies.some((cookie) => cookie.startsWith('remember_web=')))
  })

  test("another user's passkey cannot finish the waiting login", async ({ client, assert }) => {
    const user = await UserFactory.create()
    await new SoftwareAuthenticator().storeFor(user)
    const other = await UserFactory.create()
    const foreign = new SoftwareAuthenticator()
    await foreign.storeFor(other)

    const { challenge, response: options } = await loginOptions(client, pendingLogin(user))
    const response = await postLogin(client, options.session(), {
      credential: foreign.assertion(challenge),
    })

    assert.deepEqual(fieldErrors(response.body()), REFUSED)
    assert.isUndefined(response.session().auth_web)
    assert.equal(response.session().login?.pending?.userId, user.id)
  })

  test('a waiting user without passkeys gets no challenge', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/login/passkey/options')
      .withCsrfToken()
      .withSession(pendingLogin(user))
      .header('accept', 'application/json')

    response.assertStatus(422)
    assert.deepEqual(fieldErrors(response.body()), { passkey: 'Your account has no passkey.' })
  })

  test('a waiting login whose password changed since makes the passkey a login alone', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await new SoftwareAuthenticator().storeFor(user)
    await new SoftwareAuthenticator().storeFor(await UserFactory.create())
    const stale = pendingLogin(user)
    user.password = 'a-new-password-456'
    await user.save()

    const { response } = await loginOptions(client, stale)

    assert.deepEqual(response.body().allowCredentials, [])
    assert.equal(response.body().userVerification, 'required')
    assert.isUndefined(response.session().login?.pending)
  })

  test('an expired waiting login makes the passkey a login alone again', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(user)
    const expired = pendingLogin(user, { next: '/settings/profile' })
    expired.login.pending.expiresAt = DateTime.now().minus({ minutes: 1 }).toMillis()

    const { challenge, response: options } = await loginOptions(client, expired)
    assert.deepEqual(options.body().allowCredentials, [])
    const response = await postLogin(client, options.session(), {
      credential: key.assertion(challenge),
    })

    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
  })
})
