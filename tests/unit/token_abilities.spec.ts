import { test } from '@japa/runner'
import adminSite from '#admin/admin_site'
import { codenameOf } from '#admin/permissions'
import {
  READ_ONLY_TOKEN_ABILITIES,
  TOKEN_ABILITIES,
  TOKEN_ABILITY_GROUPS,
  tokenAllows,
} from '#services/accounts/token_abilities'

test.group('Token abilities | catalog', () => {
  test('names each ability as the admin permission of a registered model', ({ assert }) => {
    const admins = new Map(adminSite.all().map((admin) => [admin.permissionKey, admin]))
    for (const group of TOKEN_ABILITY_GROUPS) {
      const admin = admins.get(group.key)
      assert.exists(admin, `"${group.key}" is no registered model's permission key`)
      assert.deepEqual(
        group.abilities.map((ability) => ability.name),
        admin!.permissionActions.map((action) => codenameOf(group.key, action))
      )
    }
  })

  test('covers the API models, the activity record read-only', ({ assert }) => {
    assert.deepEqual(
      TOKEN_ABILITY_GROUPS.map((group) => group.key),
      ['project', 'project_member', 'task', 'label', 'comment', 'activity']
    )
    assert.lengthOf(TOKEN_ABILITIES, 21)
    assert.deepEqual(READ_ONLY_TOKEN_ABILITIES, [
      'project.view',
      'project_member.view',
      'task.view',
      'label.view',
      'comment.view',
      'activity.view',
    ])
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
