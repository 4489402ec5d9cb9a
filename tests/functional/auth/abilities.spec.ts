import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

test.group('Abilities | shared with pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('guests may do nothing', async ({ client }) => {
    const response = await client.get('/').withInertia()

    response.assertInertiaPropsContains({ abilities: { enterAdmin: false, manageUsers: false } })
  })

  test('an ordinary user may not enter the admin', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/').withInertia().loginAs(user)

    response.assertInertiaPropsContains({ abilities: { enterAdmin: false, manageUsers: false } })
  })

  test('staff may enter the admin but not manage users', async ({ client }) => {
    const user = await UserFactory.apply('staff').create()

    const response = await client.get('/').withInertia().loginAs(user)

    response.assertInertiaPropsContains({
      abilities: { enterAdmin: true, manageUsers: false },
      user: { isStaff: true, isSuperuser: false },
    })
  })

  test('superusers may do everything', async ({ client }) => {
    const user = await UserFactory.apply('superuser').create()

    const response = await client.get('/').withInertia().loginAs(user)

    response.assertInertiaPropsContains({ abilities: { enterAdmin: true, manageUsers: true } })
  })
})
