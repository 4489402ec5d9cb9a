import { test } from '@japa/runner'

test.group('App shell | serialization', () => {
  test('an Inertia page object is written by native JSON.stringify', async ({ client, assert }) => {
    const stringify = JSON.stringify
    const components: unknown[] = []
    JSON.stringify = function (this: JSON, ...args: Parameters<typeof stringify>) {
      const [value] = args
      if (value && typeof value === 'object' && 'component' in value) {
        components.push(value.component)
      }
      return stringify.apply(this, args)
    } as typeof stringify

    let response
    try {
      response = await client.get('/login').withInertia()
    } finally {
      JSON.stringify = stringify
    }

    response.assertStatus(200)
    response.assertInertiaComponent('auth/login')
    assert.include(components, 'auth/login')
  })
})
