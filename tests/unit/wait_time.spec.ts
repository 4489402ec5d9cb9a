import { test } from '@japa/runner'
import { waitTimeInWords } from '#services/accounts/wait_time'

test.group('waitTimeInWords', () => {
  test('speaks in seconds under a minute, then in whole minutes rounded up', ({ assert }) => {
    assert.equal(waitTimeInWords(0), '1 second')
    assert.equal(waitTimeInWords(1), '1 second')
    assert.equal(waitTimeInWords(42.3), '43 seconds')
    assert.equal(waitTimeInWords(60), '1 minute')
    assert.equal(waitTimeInWords(61), '2 minutes')
    assert.equal(waitTimeInWords(900), '15 minutes')
  })
})
