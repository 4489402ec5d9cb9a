import { test } from '@japa/runner'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { embeddedPage } from '#tests/helpers/html'
import {
  PROJECT_ROOT,
  buildForProduction,
  getRaw,
  startProductionServer,
  type ProductionServer,
} from '#tests/helpers/production_server'

const ASSETS = `${PROJECT_ROOT}build/public/assets`

/** The largest script of the build (the libraries' chunk): compressed well beyond a third. */
function largestScript(): string {
  const manifest = JSON.parse(readFileSync(`${ASSETS}/.vite/manifest.json`, 'utf8'))
  const scripts = Object.values<{ file: string }>(manifest)
    .map((chunk) => chunk.file)
    .filter((file) => file.endsWith('.js'))
  const sizeOf = (file: string) => statSync(`${ASSETS}/${file}`).size
  return scripts.reduce((largest, file) => (sizeOf(file) > sizeOf(largest) ? file : largest))
}

test.group('Production | build and boot', (group) => {
  let server: ProductionServer

  group.setup(async () => {
    buildForProduction()
    server = await startProductionServer()
    return () => server.stop()
  })

  test('serves server-rendered HTML from the build folder', async ({ assert }) => {
    const response = await fetch(`${server.url}/login`)

    assert.equal(response.status, 200)
    const html = await response.text()
    assert.include(html, '<div data-server-rendered="true" id="app">')
    assert.include(html, 'data-test="login-form"')
    assert.include(html, '<title data-inertia="">Log in · Atrium</title>')
    assert.equal(embeddedPage(html).component, 'auth/login')
  })

  test('renders the 404 page on the server too', async ({ assert }) => {
    const response = await fetch(`${server.url}/missing-page`)

    assert.equal(response.status, 404)
    const html = await response.text()
    assert.include(html, 'data-server-rendered="true"')
    assert.include(html, 'data-test="status-404"')
  })

  test('does not register the development-only pages', async ({ assert }) => {
    const response = await fetch(`${server.url}/dev/ui`)

    assert.equal(response.status, 404)
  })

  test('keeps the SSR bundle and the Vite manifests out of the public folder', async ({
    assert,
  }) => {
    assert.isTrue(existsSync(`${PROJECT_ROOT}build/ssr/server/ssr.js`))
    assert.isFalse(existsSync(`${ASSETS}/server`))

    for (const path of [
      '/assets/server/ssr.js',
      '/ssr/server/ssr.js',
      '/assets/.vite/manifest.json',
      '/assets/../ssr/server/ssr.js',
    ]) {
      const response = await fetch(`${server.url}${path}`)
      assert.equal(response.status, 404, path)
    }
  })

  test('serves hashed assets precompressed, chosen by Accept-Encoding', async ({ assert }) => {
    const file = largestScript()
    const original = readFileSync(`${ASSETS}/${file}`)

    const br = await getRaw(`${server.url}/assets/${file}`, { 'accept-encoding': 'gzip, br' })
    assert.equal(br.status, 200)
    assert.equal(br.headers['content-encoding'], 'br')
    assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8')
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.equal(br.headers.vary, 'Accept-Encoding')
    assert.isTrue(brotliDecompressSync(br.body).equals(original))
    assert.isBelow(br.body.length, original.length / 3)

    const gz = await getRaw(`${server.url}/assets/${file}`, { 'accept-encoding': 'gzip' })
    assert.equal(gz.headers['content-encoding'], 'gzip')
    assert.isTrue(gunzipSync(gz.body).equals(original))

    const plain = await getRaw(`${server.url}/assets/${file}`, { 'accept-encoding': 'br;q=0' })
    assert.isUndefined(plain.headers['content-encoding'])
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.isTrue(plain.body.equals(original))
  })

  test('sends HSTS and secure cookies in production', async ({ assert }) => {
    const response = await fetch(`${server.url}/login`)

    assert.equal(
      response.headers.get('strict-transport-security'),
      'max-age=15552000; includeSubDomains'
    )
    const cookies = response.headers.getSetCookie()
    assert.isAbove(cookies.length, 0)
    for (const cookie of cookies) assert.include(cookie, 'Secure', cookie.split('=')[0])
  })

  test('logs each request as a JSON line carrying its request id', async ({ assert }) => {
    const response = await fetch(`${server.url}/health/live`, {
      headers: { 'x-request-id': 'check-1234567890abcdef' },
    })
    assert.equal(response.headers.get('x-request-id'), 'check-1234567890abcdef')
    await new Promise((resolve) => setTimeout(resolve, 100))

    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.includes('check-1234567890abcdef'))
    assert.lengthOf(lines, 1)
    const entry = JSON.parse(lines[0])
    assert.containSubset(entry, {
      level: 30,
      request_id: 'check-1234567890abcdef',
      method: 'GET',
      url: '/health/live',
      status: 200,
      msg: 'request completed',
    })
  })
})
