import { test } from '@japa/runner'
import type { AdminChangeListProps } from '#admin/types'
import testUtils from '@adonisjs/core/services/test_utils'
import AccessToken from '#models/access_token'
import { UserFactory } from '#database/factories/user_factory'
import { staffWith } from '#tests/helpers/admin'
import { tokenOf } from '#tests/helpers/access_tokens'
import { permissionCatalog } from '#admin/permission_catalog'

test.group('Admin | access tokens', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists every user’s tokens with their owner, abilities and dates', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['access_token.view'])
    const ada = await UserFactory.merge({ email: 'ada@example.com' }).create()
    const { id } = await tokenOf(ada, 'Laptop', ['task.view', 'comment.add'])

    const response = await client.get('/admin/access-tokens').withInertia().loginAs(staff)

    response.assertInertiaComponent('admin/change_list')
    const props = response.inertiaProps as unknown as AdminChangeListProps
    assert.deepEqual(
      props.columns.map((column) => column.label),
      ['User', 'Name', 'Abilities', 'Created at', 'Last used', 'Expires']
    )
    assert.lengthOf(props.rows, 1)
    assert.equal(props.rows[0].id, String(id))
    assert.deepEqual(props.rows[0].cells.slice(0, 3), [
      'ada@example.com',
      'Laptop',
      'task.view, comment.add',
    ])
    assert.deepEqual(
      props.actions.map((action) => action.name),
      []
    )
    const [createdAt, lastUsedAt, expiresAt] = props.rows[0].cells.slice(3) as (string | null)[]
    assert.closeTo(Date.parse(createdAt!), Date.now(), 60_000)
    assert.isNull(lastUsedAt)
    assert.closeTo(Date.parse(expiresAt!), Date.now() + 90 * 86_400_000, 60_000)
  })

  test('searches by name and by the user’s email, filters by user', async ({ client, assert }) => {
    const staff = await staffWith(['access_token.view'])
    const ada = await UserFactory.merge({ email: 'ada@example.com' }).create()
    const grace = await UserFactory.merge({ email: 'grace@example.com' }).create()
    await tokenOf(ada, 'Laptop')
    await tokenOf(grace, 'Build server')
    const namesOf = async (query: string) => {
      const response = await client
        .get(`/admin/access-tokens?${query}`)
        .withInertia()
        .loginAs(staff)
      const props = response.inertiaProps as unknown as AdminChangeListProps
      return props.rows.map((row) => row.cells[1])
    }
    const filter = await client.get('/admin/access-tokens').withInertia().loginAs(staff)
    const userParam = (filter.inertiaProps as unknown as AdminChangeListProps).filters[0].param

    assert.deepEqual(await namesOf('q=build'), ['Build server'])
    assert.deepEqual(await namesOf('q=ada%40example'), ['Laptop'])
    assert.deepEqual(await namesOf(`${userParam}=${grace.id}`), ['Build server'])
  })

  test('staff who may delete tokens revoke them', async ({ client, assert }) => {
    const staff = await staffWith(['access_token.view', 'access_token.delete'])
    const owner = await UserFactory.create()
    const { id } = await tokenOf(owner, 'Laptop')

    const response = await client
      .delete('/admin/access-tokens')
      .json({ ids: [String(id)] })
      .withCsrfToken()
      .loginAs(staff)
      .redirects(0)

    response.assertFlashMessage('success', 'Deleted 1 access token.')
    assert.isNull(await AccessToken.find(id))
  })

  test('nobody adds or changes a token here, not even a superuser', async ({ client, assert }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const owner = await UserFactory.create()
    const { id } = await tokenOf(owner, 'Laptop')

    const add = await client.get('/admin/access-tokens/add').loginAs(superuser)
    const store = await client
      .post('/admin/access-tokens')
      .json({ name: 'Mine', user: String(superuser.id) })
      .withCsrfToken()
      .accept('json')
      .loginAs(superuser)
    const update = await client
      .put(`/admin/access-tokens/${id}`)
      .json({ name: 'Renamed' })
      .withCsrfToken()
      .accept('json')
      .loginAs(superuser)

    const page = await client.get(`/admin/access-tokens/${id}`).withInertia().loginAs(superuser)
    page.assertStatus(200)
    add.assertStatus(403)
    store.assertStatus(403)
    update.assertStatus(403)
    const stored = await AccessToken.findOrFail(id)
    assert.equal(stored.name, 'Laptop')
    assert.lengthOf(await AccessToken.all(), 1)
  })

  test('offers only the view and delete permissions', ({ assert }) => {
    assert.deepEqual(
      permissionCatalog()
        .filter((entry) => entry.codename.startsWith('access_token.'))
        .map((entry) => entry.codename),
      ['access_token.view', 'access_token.delete']
    )
  })
})
