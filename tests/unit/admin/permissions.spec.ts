import { test } from '@japa/runner'
import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { runAsActor } from '#activity/actor'
import { REDACTED } from '#activity/with_activity'
import { recordQueries } from '#tests/helpers/queries'
import { UserFactory } from '#database/factories/user_factory'
import { GroupFactory } from '#database/factories/group_factory'
import {
  codenameOf,
  ensurePermissions,
  grantPermissions,
  permissionsOf,
  syncGroupPermissions,
  syncUserAccess,
  UnknownAccessException,
} from '#admin/permissions'

const CATALOG = ['task', 'project'].flatMap((model) =>
  (['view', 'add', 'change', 'delete'] as const).map((action) => ({
    codename: codenameOf(model, action),
    name: `Can ${action} ${model}`,
  }))
)

async function activitiesOf(subjectType: string, subjectId: number) {
  const rows = await db
    .from('activities')
    .where({ subject_type: subjectType, subject_id: String(subjectId) })
    .orderBy('id')
  return rows.map((row) => ({ action: row.action, changes: JSON.parse(row.changes) }))
}

test.group('Admin permissions | codenames', () => {
  test('joins the model key and the action', ({ assert }) => {
    assert.equal(codenameOf('task', 'view'), 'task.view')
    assert.equal(codenameOf('project_member', 'delete'), 'project_member.delete')
  })
})

test.group('Admin permissions | catalog', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('ensurePermissions adds the missing rows once and returns every id', async ({ assert }) => {
    const first = await ensurePermissions(CATALOG.slice(0, 3))
    const second = await ensurePermissions([
      ...CATALOG,
      { codename: 'task.view', name: 'A different name' },
    ])

    assert.lengthOf(await db.from('permissions'), CATALOG.length)
    assert.equal(second.size, CATALOG.length)
    for (const [codename, id] of first) assert.equal(second.get(codename), id)
    const kept = await db.from('permissions').where('codename', 'task.view').firstOrFail()
    assert.equal(kept.name, 'Can view task')
  })

  test('ensurePermissions of nothing writes nothing', async ({ assert }) => {
    const ids = await ensurePermissions([])
    assert.equal(ids.size, 0)
    assert.lengthOf(await db.from('permissions'), 0)
  })
})

test.group('Admin permissions | permissionsOf', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await ensurePermissions(CATALOG)
    return rollback
  })

  test('counts the permissions granted to the user directly', async ({ assert }) => {
    const user = await UserFactory.merge({ isStaff: true }).create()
    await grantPermissions(user, ['task.view', 'task.change'])

    assert.sameMembers([...(await permissionsOf(user))], ['task.view', 'task.change'])
  })

  test("counts the permissions of the user's groups", async ({ assert }) => {
    const user = await UserFactory.create()
    const editors = await GroupFactory.create()
    const other = await GroupFactory.create()
    await grantPermissions(editors, ['project.view', 'project.add'])
    await grantPermissions(other, ['task.delete'])
    await syncUserAccess(user, { groupIds: [editors.id] })

    assert.sameMembers([...(await permissionsOf(user))], ['project.view', 'project.add'])
  })

  test('unites direct and group permissions without duplicates, in one query', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    const [editors, viewers] = await GroupFactory.createMany(2)
    await grantPermissions(editors, ['task.view', 'task.change'])
    await grantPermissions(viewers, ['task.view', 'project.view'])
    await grantPermissions(user, ['task.view', 'task.delete'])
    await syncUserAccess(user, { groupIds: [editors.id, viewers.id] })

    const { result, sql } = await recordQueries(() => permissionsOf(user))

    assert.deepEqual(
      [...result].sort(),
      ['project.view', 'task.change', 'task.delete', 'task.view'].sort()
    )
    assert.lengthOf(sql, 1)
  })

  test('an inactive user holds none', async ({ assert }) => {
    const user = await UserFactory.apply('inactive').create()
    const team = await GroupFactory.create()
    await grantPermissions(team, ['task.view'])
    await grantPermissions(user, ['task.add'])
    await syncUserAccess(user, { groupIds: [team.id] })

    const held = await permissionsOf(user)
    assert.equal(held.size, 0)
  })

  test("another user's grants are not counted", async ({ assert }) => {
    const [user, other] = await UserFactory.createMany(2)
    const team = await GroupFactory.create()
    await grantPermissions(team, ['task.view'])
    await grantPermissions(other, ['task.add'])
    await syncUserAccess(other, { groupIds: [team.id] })

    const held = await permissionsOf(user)
    assert.equal(held.size, 0)
  })
})

test.group('Admin permissions | sync', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    await ensurePermissions(CATALOG)
    return rollback
  })

  test('replaces the memberships and records one entry with the ids before and after', async ({
    assert,
  }) => {
    const ids = await ensurePermissions(CATALOG)
    const user = await UserFactory.create()
    const [first, second, third] = await GroupFactory.createMany(3)
    await syncUserAccess(user, {
      groupIds: [first.id, second.id],
      permissionCodenames: ['task.view'],
    })
    const before = await activitiesOf('user', user.id)

    const changed = await syncUserAccess(user, {
      groupIds: [third.id, second.id],
      permissionCodenames: ['task.add', 'task.view'],
    })

    assert.isTrue(changed)
    const after = await activitiesOf('user', user.id)
    const entries = after.slice(before.length)
    assert.deepEqual(entries, [
      {
        action: 'updated',
        changes: {
          groups: [
            [first.id, second.id].sort((a, b) => a - b),
            [second.id, third.id].sort((a, b) => a - b),
          ],
          permissions: [
            [ids.get('task.view')],
            [ids.get('task.view')!, ids.get('task.add')!].sort((a, b) => a - b),
          ],
        },
      },
    ])
    const groupIds = await db.from('user_groups').where('user_id', user.id).select('group_id')
    assert.sameMembers(
      groupIds.map((row) => Number(row.group_id)),
      [second.id, third.id]
    )
  })

  test('records nothing when nothing changes', async ({ assert }) => {
    const user = await UserFactory.create()
    const team = await GroupFactory.create()
    await syncUserAccess(user, { groupIds: [team.id], permissionCodenames: ['task.view'] })
    const before = await activitiesOf('user', user.id)

    const changed = await syncUserAccess(user, {
      groupIds: [team.id],
      permissionCodenames: ['task.view'],
    })

    assert.isFalse(changed)
    assert.lengthOf(await activitiesOf('user', user.id), before.length)
  })

  test('records only the membership that changed; a list left out is kept', async ({ assert }) => {
    const user = await UserFactory.create()
    const team = await GroupFactory.create()
    await syncUserAccess(user, { permissionCodenames: ['task.view'] })

    await syncUserAccess(user, { groupIds: [team.id] })

    const entries = await activitiesOf('user', user.id)
    const last = entries.at(-1)!
    assert.deepEqual(last.changes, { groups: [[], [team.id]] })
    assert.deepEqual([...(await permissionsOf(user))], ['task.view'])
  })

  test("syncs a group's permissions and records them on the group", async ({ assert }) => {
    const ids = await ensurePermissions(CATALOG)
    const team = await GroupFactory.create()
    await syncGroupPermissions(team, ['task.view', 'task.add'])

    assert.isTrue(await syncGroupPermissions(team, ['task.view']))
    assert.isFalse(await syncGroupPermissions(team, ['task.view']))

    const entries = await activitiesOf('group', team.id)
    assert.deepEqual(
      entries.map((entry) => entry.action),
      ['created', 'updated', 'updated']
    )
    assert.deepEqual(entries[2].changes, {
      permissions: [
        [ids.get('task.view')!, ids.get('task.add')!].sort((a, b) => a - b),
        [ids.get('task.view')],
      ],
    })
  })

  test('refuses an unknown codename or group, changing nothing', async ({ assert }) => {
    const user = await UserFactory.create()
    const team = await GroupFactory.create()

    await assert.rejects(
      () => syncUserAccess(user, { groupIds: [team.id], permissionCodenames: ['task.fly'] }),
      UnknownAccessException,
      'The permission "task.fly" does not exist'
    )
    await assert.rejects(
      () => syncUserAccess(user, { groupIds: [team.id + 1000] }),
      UnknownAccessException,
      `The group ${team.id + 1000} does not exist`
    )
    assert.lengthOf(await db.from('user_groups').where('user_id', user.id), 0)
  })
})

test.group('Admin permissions | recorded users and groups', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a password change is recorded without the hash', async ({ assert }) => {
    const user = await UserFactory.merge({
      fullName: 'Ada Byron',
      password: 'first-password-1',
    }).create()
    user.password = 'second-password-2'
    await user.save()
    user.fullName = 'Ada Lovelace'
    await user.save()
    const hashes = await db.from('users').where('id', user.id).select('password')

    const entries = await activitiesOf('user', user.id)
    assert.deepEqual(entries[0].changes.password, [null, REDACTED])
    assert.deepEqual(entries[1], { action: 'updated', changes: { password: [REDACTED, REDACTED] } })
    assert.deepEqual(entries[2].changes, { full_name: ['Ada Byron', 'Ada Lovelace'] })
    const stored = await db.from('activities').where('subject_type', 'user').select('changes')
    for (const row of stored) {
      assert.notInclude(row.changes, hashes[0].password)
      assert.notInclude(row.changes, 'second-password-2')
      assert.notMatch(row.changes, /\$scrypt\$/)
    }
    assert.isTrue(await hash.use('scrypt').verify(hashes[0].password, 'second-password-2'))
  })

  test('an account that deletes itself is recorded as deleted, without an author', async ({
    assert,
  }) => {
    const user = await UserFactory.create()

    await runAsActor(user.id, () => user.delete())

    const rows = await db.from('activities').where({
      subject_type: 'user',
      subject_id: String(user.id),
      action: 'deleted',
    })
    assert.lengthOf(rows, 1)
    assert.isNull(rows[0].actor_id)
    assert.deepEqual(JSON.parse(rows[0].changes).password, [REDACTED, null])
    assert.isNull(await User.find(user.id))
  })

  test('a group is recorded like any other record', async ({ assert }) => {
    const team = await GroupFactory.merge({ name: 'Support' }).create()
    team.name = 'Customer support'
    await team.save()
    await team.delete()

    const entries = await activitiesOf('group', team.id)
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.changes.name]),
      [
        ['created', [null, 'Support']],
        ['updated', ['Support', 'Customer support']],
        ['deleted', ['Customer support', null]],
      ]
    )
  })
})
