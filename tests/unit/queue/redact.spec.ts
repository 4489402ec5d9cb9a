import { test } from '@japa/runner'
import { REDACTED, redactSecrets } from '#queue/redact'

const TOKEN = 'kq3ZL9xT2bV7mN4pR8sW1yA6'

test.group('Queue | redactSecrets', () => {
  test('hides the values of keys that name a secret or a link, whatever their case', ({
    assert,
  }) => {
    const redacted = redactSecrets({
      password: 'hunter2',
      clientSecret: 's',
      API_TOKEN: 't',
      apiKey: 12,
      Authorization: 'Bearer x',
      cookie: { session: 'abc' },
      resetUrl: 'https://atrium.test/',
      inviteLink: null,
      name: 'Ada',
    })

    assert.deepEqual(redacted, {
      password: REDACTED,
      clientSecret: REDACTED,
      API_TOKEN: REDACTED,
      apiKey: REDACTED,
      Authorization: REDACTED,
      cookie: REDACTED,
      resetUrl: REDACTED,
      inviteLink: REDACTED,
      name: 'Ada',
    })
  })

  test('cuts a URL with a long random segment in its path or query to its origin', ({ assert }) => {
    assert.equal(
      redactSecrets(`https://atrium.test/reset-password/${TOKEN}`),
      'https://atrium.test/[redacted]'
    )
    assert.equal(
      redactSecrets(`http://localhost:3333/verify/7?signature=${TOKEN}`),
      'http://localhost:3333/[redacted]'
    )
    assert.equal(
      redactSecrets(`Could not deliver https://atrium.test/invitations/${TOKEN} to the server`),
      'Could not deliver https://atrium.test/[redacted] to the server'
    )
  })

  test('keeps URLs without a long random segment, and text that is no URL', ({ assert }) => {
    assert.equal(
      redactSecrets('https://atrium.test/projects/12?page=2'),
      'https://atrium.test/projects/12?page=2'
    )
    assert.equal(redactSecrets(TOKEN), TOKEN)
    assert.equal(redactSecrets('a short-segment/15chars-exactl'), 'a short-segment/15chars-exactl')
    assert.equal(
      redactSecrets('https://atrium.test/a/abcdefghijklmno'),
      'https://atrium.test/a/abcdefghijklmno'
    )
    assert.equal(
      redactSecrets('https://atrium.test/a/abcdefghijklmnop'),
      'https://atrium.test/[redacted]'
    )
  })

  test('hides the reset link of a queued mail and keeps its recipient', ({ assert }) => {
    const payload = {
      mail: 'ResetPasswordNotification',
      args: [
        { email: 'ada@example.com', fullName: 'Ada' },
        `https://atrium.test/reset-password/${TOKEN}`,
        { projectName: 'Apollo', days: 7 },
      ],
    }

    const redacted = redactSecrets(payload)

    assert.deepEqual(redacted, {
      mail: 'ResetPasswordNotification',
      args: [
        { email: 'ada@example.com', fullName: 'Ada' },
        'https://atrium.test/[redacted]',
        { projectName: 'Apollo', days: 7 },
      ],
    })
    assert.notInclude(JSON.stringify(redacted), TOKEN)
  })

  test('copies deeply, leaving the value it was given as it was', ({ assert }) => {
    const original = { nested: { token: 'secret', list: [{ url: 'x' }, 1, true, null] } }

    const redacted = redactSecrets(original)

    assert.deepEqual(redacted, {
      nested: { token: REDACTED, list: [{ url: REDACTED }, 1, true, null] },
    })
    assert.deepEqual(original, {
      nested: { token: 'secret', list: [{ url: 'x' }, 1, true, null] },
    })
    assert.notStrictEqual(redacted.nested.list, original.nested.list)
  })
})
