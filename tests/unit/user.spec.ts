import { test } from '@japa/runner'
import User from '#models/user'

test.group('User | initials', () => {
  test('takes the first letters of the first and last names', ({ assert }) => {
    assert.equal(
      new User().merge({ fullName: 'grace brewster hopper', email: 'g@x.io' }).initials,
      'GH'
    )
  })

  test('takes two letters of a single name', ({ assert }) => {
    assert.equal(new User().merge({ fullName: 'Plato', email: 'p@x.io' }).initials, 'PL')
  })
})
