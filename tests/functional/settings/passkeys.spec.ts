import { test } from '@japa/runner'
import type { SessionData } from '@adonisjs/session/types'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import type User from '#models/user'
import Passkey from '#models/passkey'
import UserSession from '#models/user_session'
import testUtils from '@adonisjs/core/services/test_utils'
import SecurityNotification from '#mails/security_notification'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits, fakeMail, linkPath } from '#tests/helpers/accounts'
import { SoftwareAuthenticator } from '#tests/helpers/software_authenticator'
import { challengeKey } from '#services/accounts/passkey_challenge'

const REFUSED = { passkey: 'This passkey was not accepted.' }
const EXPIRED = { passkey: 'The passkey request expired. Please try again.' }

/** The field errors of a refused JSON request. */
function fieldErrors(body: { errors?: { field: string; message: string }[] }) {
  return Object.fromEntries((body.errors ?? []).map((error) => [error.field, error.message]))
}

/** Asks for a registration challenge for a passkey named `name`. */
function registrationOptions(client: ApiClient, user: User, name: string) {
  return client
    .post('/settings/passkeys/options')
    .withCsrfToken()
    .loginAs(user)
    .header('accept', 'application/json')
    .json({ name })
}

/** Posts the browser's answer to the registration challenge, with the session the options left. */
function postPasskey(client: ApiClient, user: User, session: SessionData, body: object) {
  return client
    .post('/settings/passkeys')
    .withCsrfToken()
    .withSession(session)
    .loginAs(user)
    .header('accept', 'application/json')
    .json(body)
    .redirects(0)
}

test.group('Settings | passkeys', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('guests are sent to log in', async ({ client }) => {
    const response = await client.get('/settings/passkeys').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test("lists the user's passkeys, never their keys", async ({ client, assert }) => {
    const user = await UserFactory.create()
    await new SoftwareAuthenticator().storeFor(user, 'Laptop')
    await new SoftwareAuthenticator().storeFor(await UserFactory.create(), 'Not mine')

    const response = await client.get('/settings/passkeys').withInertia().loginAs(user)

    response.assertInertiaComponent('settings/passkeys')
    const { passkeys } = response.inertiaProps as { passkeys: Record<string, unknown>[] }
    assert.deepEqual(
      passkeys.map((passkey) => passkey.name),
      ['Laptop']
    )
    assert.sameMembers(Object.keys(passkeys[0]), [
      'id',
      'name',
      'backedUp',
      'createdAt',
      'lastUsedAt',
    ])
  })

  test('adds a passkey and mails the user about it', async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    const existing = new SoftwareAuthenticator()
    await existing.storeFor(user, 'Phone')
    const key = new SoftwareAuthenticator()

    const options = await registrationOptions(client, user, 'Laptop')
    options.assertStatus(200)
    const { challenge, excludeCredentials, authenticatorSelection, rp } = options.body()
    assert.deepEqual(
      excludeCredentials.map((credential: { id: string }) => credential.id),
      [existing.credentialId]
    )
    assert.equal(authenticatorSelection.residentKey, 'required')
    assert.equal(authenticatorSelection.userVerification, 'preferred')
    assert.equal(rp.id, 'localhost')
    const response = await postPasskey(client, user, options.session(), {
      name: ' Laptop ',
      credential: key.attestation(challenge),
    })

    response.assertStatus(302)
    response.assertHeader('location', '/settings/passkeys')
    response.assertFlashMessage('success', 'The passkey "Laptop" was added.')
    const stored = await Passkey.findByOrFail('credential_id', key.credentialId)
    assert.equal(stored.userId, user.id)
    assert.equal(stored.name, 'Laptop')
    assert.equal(stored.counter, 0)
    assert.deepEqual(stored.transports, ['internal'])
    assert.isNull(stored.lastUsedAt)
    fake.mails.assertSent(SecurityNotification, ({ message }) => {
      message.assertTo(user.email)
      message.assertSubject('A passkey was added')
      assert.equal(linkPath(message), '/settings/passkeys')
      assert.include(String(message.nodeMailerMessage.text), '(Laptop)')
      return true
    })
  })

  test('a name is required, at most 100 characters and unique among the user’s passkeys', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await new SoftwareAuthenticator().storeFor(user, 'Laptop')
    await new SoftwareAuthenticator().storeFor(await UserFactory.create(), 'Phone')

    for (const name of ['', '  ', 'x'.repeat(101), 'Laptop']) {
      const response = await registrationOptions(client, user, name)
      response.assertStatus(422)
      assert.property(fieldErrors(response.body()), 'name')
      assert.isUndefined(response.session()[challengeKey('registration')])
    }
    const anothersName = await registrationOptions(client, user, 'Phone')
    anothersName.assertStatus(200)
  })

  test('a name taken between the challenge and the answer is refused', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()

    const options = await registrationOptions(client, user, 'Laptop')
    await new SoftwareAuthenticator().storeFor(user, 'Laptop')
    const response = await postPasskey(client, user, options.session(), {
      name: 'Laptop',
      credential: key.attestation(options.body().challenge),
    })

    response.assertStatus(422)
    assert.property(fieldErrors(response.body()), 'name')
    assert.isNull(await Passkey.findBy('credential_id', key.credentialId))
  })

  test('a registration challenge is used once', async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    const first = new SoftwareAuthenticator()
    const second = new SoftwareAuthenticator()

    const options = await registrationOptions(client, user, 'Laptop')
    const { challenge } = options.body()
    const added = await postPasskey(client, user, options.session(), {
      name: 'Laptop',
      credential: first.attestation(challenge),
    })
    added.assertStatus(302)
    const again = await postPasskey(client, user, added.session(), {
      name: 'Phone',
      credential: second.attestation(challenge),
    })

    assert.deepEqual(fieldErrors(again.body()), EXPIRED)
    assert.isNull(await Passkey.findBy('credential_id', second.credentialId))
    fake.mails.assertSentCount(SecurityNotification, 1)
  })

  test('an expired registration challenge is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()

    const options = await registrationOptions(client, user, 'Laptop')
    const { challenge } = options.body()
    const response = await postPasskey(
      client,
      user,
      { [challengeKey('registration')]: { challenge, expiresAt: Date.now() - 1 } },
      { name: 'Laptop', credential: key.attestation(challenge) }
    )

    assert.deepEqual(fieldErrors(response.body()), EXPIRED)
    assert.isNull(await Passkey.findBy('credential_id', key.credentialId))
  })

  test('a passkey made on another origin, for another site or another challenge is refused', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()

    for (const [ceremony, challenge] of [
      [{ origin: 'https://evil.example' }, null],
      [{ rpId: 'evil.example' }, null],
      [{}, 'b3RoZXItY2hhbGxlbmdl'],
    ] as const) {
      const options = await registrationOptions(client, user, 'Laptop')
      const response = await postPasskey(client, user, options.session(), {
        name: 'Laptop',
        credential: key.attestation(challenge ?? options.body().challenge, ceremony),
      })
      assert.deepEqual(fieldErrors(response.body()), REFUSED)
    }
    assert.lengthOf(await Passkey.query().where('user_id', user.id), 0)
  })

  test('a credential already registered (to anyone) is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const owner = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    await key.storeFor(owner, 'Owner key')

    const options = await registrationOptions(client, user, 'Laptop')
    const response = await postPasskey(client, user, options.session(), {
      name: 'Laptop',
      credential: key.attestation(options.body().challenge),
    })

    assert.deepEqual(fieldErrors(response.body()), REFUSED)
    const stored = await Passkey.findByOrFail('credential_id', key.credentialId)
    assert.equal(stored.userId, owner.id)
  })

  test('removes a passkey: a mail, other sessions logged out, no more logins with it', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    const key = new SoftwareAuthenticator()
    const passkey = await key.storeFor(user, 'Laptop')
    await UserSession.create({
      userId: user.id,
      keyHash: 'e'.repeat(64),
      lastSeenAt: DateTime.now(),
    })

    const response = await client
      .delete(`/settings/passkeys/${passkey.id}`)
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertHeader('location', '/settings/passkeys')
    response.assertFlashMessage(
      'success',
      'The passkey "Laptop" was removed. Your other sessions were logged out.'
    )
    assert.isNull(await Passkey.find(passkey.id))
    assert.lengthOf(await UserSession.query().where('key_hash', 'e'.repeat(64)), 0)
    assert.lengthOf(await UserSession.query().where('user_id', user.id), 1)
    response.assertSession('auth_web', user.id)
    fake.mails.assertSent(SecurityNotification, ({ message }) => {
      message.assertTo(user.email)
      message.assertSubject('A passkey was removed')
      return true
    })

    const options = await client
      .post('/login/passkey/options')
      .withCsrfToken()
      .header('accept', 'application/json')
    const login = await client
      .post('/login/passkey')
      .withCsrfToken()
      .withSession(options.session())
      .header('accept', 'application/json')
      .json({ credential: key.assertion(options.body().challenge) })
      .redirects(0)
    assert.deepEqual(fieldErrors(login.body()), REFUSED)
    assert.isUndefined(login.session().auth_web)
  })

  test("another user's passkey cannot be removed", async ({ client, assert, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const user = await UserFactory.create()
    const theirs = await new SoftwareAuthenticator().storeFor(await UserFactory.create())

    const response = await client
      .delete(`/settings/passkeys/${theirs.id}`)
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertStatus(404)
    assert.isNotNull(await Passkey.find(theirs.id))
    fake.mails.assertNoneSent()
  })
})
