import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { docsAssetsVersion } from '#api/openapi/docs_assets'

test.group('API documentation | document', () => {
  test('serves the committed OpenAPI document to anyone', async ({ client, assert }) => {
    const response = await client.get('/api/v1/openapi.json')

    response.assertStatus(200)
    assert.match(response.header('content-type')!, /^application\/json/)
    assert.equal(response.text(), await readFile(app.makePath('openapi/v1.json'), 'utf8'))
    assert.equal(response.body().openapi, '3.1.1')
  })
})

test.group('API documentation | docs page', () => {
  test('renders Swagger UI from this origin, its script allowed by the nonce', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/docs')

    response.assertStatus(200)
    const html = response.text()
    const csp = response.header('content-security-policy')!
    const nonce = csp.match(/'nonce-([^']+)'/)![1]
    const version = docsAssetsVersion()
    assert.include(csp, "script-src 'self'")
    assert.notInclude(csp, 'unsafe-eval')
    assert.include(html, `<script src="/api/docs/assets/swagger-ui-bundle.js?v=${version}">`)
    assert.include(html, `href="/api/docs/assets/swagger-ui.css?v=${version}"`)
    assert.include(html, `<script nonce="${nonce}">`)
    assert.include(html, 'data-document-url="/api/v1/openapi.json"')
    assert.notMatch(html, /https?:\/\//)
  })

  test('streams the renderer files from the package, cached for a year', async ({
    client,
    assert,
  }) => {
    const script = await client.get('/api/docs/assets/swagger-ui-bundle.js')
    const style = await client.get('/api/docs/assets/swagger-ui.css')
    const packaged = await readFile(
      app.makePath('node_modules/swagger-ui-dist/swagger-ui.css'),
      'utf8'
    )

    script.assertStatus(200)
    assert.match(script.header('content-type')!, /javascript/)
    assert.equal(script.header('cache-control'), 'public, max-age=31536000, immutable')
    style.assertStatus(200)
    assert.match(style.header('content-type')!, /^text\/css/)
    assert.equal(style.text(), packaged)
  })

  test('serves no other file of the package or beyond', async ({ client }) => {
    for (const file of [
      'index.html',
      'package.json',
      '..%2F..%2Fpackage.json',
      'swagger-ui.js.map',
    ]) {
      const response = await client.get(`/api/docs/assets/${file}`)
      response.assertStatus(404)
    }
  })
})
