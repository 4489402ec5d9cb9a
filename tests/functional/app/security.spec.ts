import { test } from '@japa/runner'
import { testServerUrl } from '#tests/helpers/test_server'
import { scriptNonces } from '#tests/helpers/html'

test.group('App shell | security headers', () => {
  test('pages carry a CSP whose nonce is on every script tag', async ({ client, assert }) => {
    const response = await client.get('/login')

    const csp = response.header('content-security-policy') ?? ''
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1]
    assert.isString(nonce)
    assert.include(csp, `script-src 'self' 'nonce-${nonce}'`)
    assert.include(csp, "frame-ancestors 'none'")
    assert.include(csp, "object-src 'none'")

    const nonces = scriptNonces(response.text())
    assert.isAbove(nonces.length, 0)
    assert.deepEqual(new Set(nonces), new Set([nonce]))
    const scriptTags = response.text().match(/<script(?![^>]*type="application\/json")[^>]*>/g)!
    assert.lengthOf(scriptTags, nonces.length, 'every executable script tag carries the nonce')
  })

  test('each response gets a fresh nonce', async ({ client, assert }) => {
    const first = await client.get('/login')
    const second = await client.get('/login')

    assert.notEqual(
      first.header('content-security-policy'),
      second.header('content-security-policy')
    )
  })

  test('pages refuse framing and MIME sniffing', async ({ client }) => {
    const response = await client.get('/')

    response.assertHeader('x-frame-options', 'DENY')
    response.assertHeader('x-content-type-options', 'nosniff')
  })

  test('the session cookie is httpOnly and sameSite=lax', async ({ client, assert }) => {
    const response = await client.get('/login')

    const cookies = ([] as string[]).concat(response.header('set-cookie') ?? [])
    const session = cookies.find((cookie) => cookie.startsWith('atrium-session='))
    assert.isString(session)
    assert.include(session!, 'HttpOnly')
    assert.include(session!, 'SameSite=Lax')
  })

  test('every response carries a request id', async ({ client, assert }) => {
    const response = await client.get('/health/live')

    assert.match(response.header('x-request-id') ?? '', /^[\w-]{16,}$/)
  })
})

test.group('App shell | CSRF', () => {
  test('a form post without a CSRF token changes nothing and goes back with a message', async ({
    client,
  }) => {
    const response = await client
      .post('/login')
      .header('referer', '/login')
      .form({ email: 'someone@example.com', password: 'whatever' })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage(
      'error',
      'This form expired. Your input is kept: please send it again.'
    )
    response.assertFlashMessage('email', 'someone@example.com')
  })

  test('the typed input comes back, passwords excepted', async ({ client, assert }) => {
    const response = await client
      .post('/login')
      .header('referer', '/login')
      .form({ email: 'someone@example.com', password: 'whatever' })
      .redirects(0)

    assert.isUndefined(response.flashMessages()?.password)
  })

  test('an Inertia form post with an expired token is sent back to the form', async ({
    client,
  }) => {
    const formUrl = testServerUrl('/login')
    const response = await client
      .post('/login')
      .withInertia()
      .header('referer', formUrl)
      .json({ email: 'someone@example.com', password: 'whatever' })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', formUrl)
    response.assertFlashMessage(
      'error',
      'This form expired. Your input is kept: please send it again.'
    )
  })
})

test.group('App shell | request limits', () => {
  test('a form body over 256 kB is refused with 413', async ({ client }) => {
    const response = await client
      .post('/login')
      .withCsrfToken()
      .form({ email: 'a@example.com', password: 'x'.repeat(300 * 1024) })

    response.assertStatus(413)
  })

  test('a JSON body over 1 MB is refused with 413', async ({ client }) => {
    const response = await client
      .post('/login')
      .withCsrfToken()
      .json({ email: 'a@example.com', password: 'x'.repeat(1100 * 1024) })

    response.assertStatus(413)
  })
})
