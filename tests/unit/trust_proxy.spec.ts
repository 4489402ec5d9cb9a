import { test } from '@japa/runner'
import { trustProxy } from '#services/http/trust_proxy'

test.group('trustProxy', () => {
  test('trusts no proxy when the list is empty', ({ assert }) => {
    assert.isFalse(trustProxy(undefined)('127.0.0.1', 0))
    assert.isFalse(trustProxy('')('10.0.0.1', 0))
  })

  test('trusts only the listed addresses and ranges', ({ assert }) => {
    const trust = trustProxy('loopback, 10.0.0.0/8')

    assert.isTrue(trust('127.0.0.1', 0))
    assert.isTrue(trust('10.1.2.3', 0))
    assert.isFalse(trust('192.168.1.1', 0))
  })

  test('"*" trusts every hop', ({ assert }) => {
    assert.isTrue(trustProxy('*')('203.0.113.9', 3))
  })
})
