import { test } from '@japa/runner'
import { parseCorsOrigins } from '#api/cors_origins'

test.group('API CORS | origins', () => {
  test('reads a comma separated list of origins, trimmed and without repeats', ({ assert }) => {
    assert.deepEqual(
      parseCorsOrigins(' https://app.example.com, http://localhost:5173,,https://app.example.com'),
      ['https://app.example.com', 'http://localhost:5173']
    )
  })

  test('allows no origin when the list is missing or empty', ({ assert }) => {
    assert.deepEqual(parseCorsOrigins(undefined), [])
    assert.deepEqual(parseCorsOrigins(''), [])
    assert.deepEqual(parseCorsOrigins(' , '), [])
  })

  test('refuses an entry that is not exactly an origin, naming it', ({ assert }) => {
    for (const entry of [
      'https://app.example.com/',
      'https://app.example.com/path',
      'app.example.com',
      '*',
      'ftp://files.example.com',
    ]) {
      assert.throws(
        () => parseCorsOrigins(`https://ok.example.com,${entry}`),
        `API_CORS_ORIGINS: "${entry}" is not an origin (scheme://host[:port], no path or slash)`
      )
    }
  })
})
