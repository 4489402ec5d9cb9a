import { test } from '@japa/runner'
import adminSite from '#admin/admin_site'
import { apiOperations } from '#api/operations'
import { codenameOf } from '#admin/permissions'
import {
  readOnlyTokenAbilities,
  tokenAbilities,
  tokenAbilityGroups,
  tokenAllows,
} from '#services/accounts/token_abilities'

test.group('Token abilities | catalog', () => {
  test('names each ability as a permission of the registered model it acts on', ({ assert }) => {
    const admins = new Map(adminSite.all().map((admin) => [admin.permissionKey, admin]))
    for (const group of tokenAbilityGroups()) {
      const admin = admins.get(group.key)
      assert.exists(admin, `"${group.key}" is no registered model's permission key`)
      assert.includeMembers(
        admin!.permissionActions.map((action) => codenameOf(group.key, action)),
        group.abilities.map((ability) => ability.name)
      )
    }
  })

  test('holds exactly the abilities the API operations name, read-only ones ending in view', ({
    assert,
  }) => {
    const named = new Set(
      [...apiOperations().values()].flatMap((operation) =>
        operation.ability ? [operation.ability] : []
      )
    )
    assert.sameMembers(tokenAbilities(), [...named])
    assert.lengthOf(tokenAbilities(), named.size)
    assert.deepEqual(
      readOnlyTokenAbilities(),
      tokenAbilities().filter((name) => name.split('.')[1] === 'view')
    )
    assert.includeMembers(tokenAbilities(), ['task.view', 'activity.view'])
    assert.notInclude(tokenAbilities(), 'activity.delete')
  })
})

test.group('Token abilities | tokenAllows', () => {
  test('allows exactly the abilities the token holds', ({ assert }) => {
    const token = { abilities: ['task.view', 'comment.add'] }

    assert.isTrue(tokenAllows(token, 'task.view'))
    assert.isTrue(tokenAllows(token, 'comment.add'))
    assert.isFalse(tokenAllows(token, 'task.change'))
    assert.isFalse(tokenAllows(token, 'comment.view'))
  })

  test('grants nothing through a wildcard or an ability outside the catalog', ({ assert }) => {
    assert.isFalse(tokenAllows({ abilities: ['*'] }, 'task.view'))
    assert.isFalse(tokenAllows({ abilities: ['user.delete'] }, 'user.delete'))
    assert.isFalse(tokenAllows({ abilities: ['activity.delete'] }, 'activity.delete'))
  })
})
