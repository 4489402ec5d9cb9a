import { test } from '@japa/runner'

test.group('Health checks', () => {
  test('live answers 200 while the process serves HTTP', async ({ client }) => {
    const response = await client.get('/health/live')

    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('ready answers 200 when the database is reachable', async ({ client, assert }) => {
    const response = await client.get('/health/ready')

    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.lengthOf(response.body().checks, 1)
    assert.equal(response.body().checks[0].status, 'ok')
  })
})
