import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'

test.group('App shell | files of public/', () => {
  test('serves robots.txt and the favicon', async ({ client, assert }) => {
    const robots = await client.get('/robots.txt')
    robots.assertStatus(200)
    assert.equal(robots.text(), readFileSync(app.publicPath('robots.txt'), 'utf8'))

    const icon = await client.get('/favicon.svg')
    icon.assertStatus(200)
    assert.match(icon.header('content-type') ?? '', /^image\/svg\+xml/)
  })

  test("a file that is not there is the app's 404 page", async ({ client, assert }) => {
    const response = await client.get('/missing.txt')

    response.assertStatus(404)
    assert.include(response.text(), 'data-test="status-404"')
  })
})
