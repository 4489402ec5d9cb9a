import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { CookieClient } from '@adonisjs/core/http'
import { Encryption } from '@adonisjs/core/encryption'
import { AES256GCM } from '@adonisjs/core/encryption/drivers/aes_256_gcm'
import { preparedKeyAes256gcm } from '#services/crypto/prepared_key_aes_256_gcm'
import { PreparedKeyEncryption } from '#services/crypto/prepared_key_encryption'

const KEY = 'a-test-key-of-more-than-32-characters'
const OLD_KEY = 'an-older-key-still-listed-for-reading'

/** The framework's own AES-256-GCM encryption, as `drivers.aes256gcm` configures it. */
function frameworkEncryption(keys: string[] = [KEY]) {
  return new Encryption({ driver: (key) => new AES256GCM({ id: 'gcm', key }), keys })
}

function preparedEncryption(keys: string[] = [KEY]) {
  return new PreparedKeyEncryption(preparedKeyAes256gcm({ id: 'gcm', keys }))
}

const SESSION = { 'auth_web': 7, 'csrf-secret': 'abc', '__flash__': { success: 'Saved.' } }

test.group('PreparedKeyEncryption | interchangeable with the framework', () => {
  test('signs exactly as the framework signs', ({ assert }) => {
    const framework = frameworkEncryption().getMessageVerifier()
    const prepared = preparedEncryption().getMessageVerifier()

    assert.equal(
      prepared.sign('a-session-id', undefined, 'atrium-session'),
      framework.sign('a-session-id', undefined, 'atrium-session')
    )
    assert.equal(prepared.sign(SESSION), framework.sign(SESSION))
  })

  test('reads what the framework signed, and the framework reads what it signed', ({ assert }) => {
    const framework = frameworkEncryption().getMessageVerifier()
    const prepared = preparedEncryption().getMessageVerifier()

    const old = framework.sign(SESSION, '1h', 'cookie')
    const fresh = prepared.sign(SESSION, '1h', 'cookie')

    assert.deepEqual(prepared.unsign(old, 'cookie'), SESSION)
    assert.deepEqual(framework.unsign(fresh, 'cookie'), SESSION)
    assert.isNull(prepared.unsign(old, 'another-purpose'))
    assert.isNull(prepared.unsign(`${old.slice(0, -2)}AA`, 'cookie'))
    assert.isNull(prepared.unsign('not.signed.at-all', 'cookie'))
  })

  test('decrypts what the framework encrypted, and the framework decrypts its values', ({
    assert,
  }) => {
    const framework = frameworkEncryption()
    const prepared = preparedEncryption()

    const old = framework.encrypt(SESSION, undefined, 'atrium-session')
    const fresh = prepared.encrypt(SESSION, { purpose: 'atrium-session' })

    assert.match(fresh, /^gcm\.v1:[\w-]+\.[\w-]{16}\.[\w-]{22}$/)
    assert.deepEqual(prepared.decrypt(old, 'atrium-session'), SESSION)
    assert.deepEqual(framework.decrypt(fresh, 'atrium-session'), SESSION)
    assert.isNull(prepared.decrypt(old, 'XSRF-TOKEN'))
    assert.isNull(prepared.decrypt(old.replace('.v1:', '.v1:A'), 'atrium-session'))
  })

  test('reads values of a previous key that is still listed', ({ assert }) => {
    const before = frameworkEncryption([OLD_KEY])
    const after = preparedEncryption([KEY, OLD_KEY])

    assert.deepEqual(after.decrypt(before.encrypt(SESSION, undefined, 'p'), 'p'), SESSION)
    assert.deepEqual(
      after.getMessageVerifier().unsign(before.getMessageVerifier().sign(SESSION)),
      SESSION
    )
  })

  test('cookies written before are read after, and the other way round', ({ assert }) => {
    const before = new CookieClient(frameworkEncryption())
    const after = new CookieClient(preparedEncryption())

    assert.deepEqual(after.parse('atrium-session', before.sign('atrium-session', 'an-id')), 'an-id')
    assert.deepEqual(after.parse('session-data', before.encrypt('session-data', SESSION)), SESSION)
    assert.deepEqual(before.parse('XSRF-TOKEN', after.encrypt('XSRF-TOKEN', 'a-token')), 'a-token')
    assert.deepEqual(before.parse('atrium-session', after.sign('atrium-session', 'an-id')), 'an-id')
  })
})

test.group('PreparedKeyEncryption | container', () => {
  test('the app signs and encrypts with prepared keys', async ({ assert }) => {
    const manager = await app.container.make('encryption')
    const encryption = await app.container.make(Encryption)

    assert.instanceOf(encryption, PreparedKeyEncryption)
    assert.instanceOf(manager.use(), PreparedKeyEncryption)
    assert.strictEqual(manager.use(), encryption)
  })
})
