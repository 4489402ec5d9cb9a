import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import Group from '#models/group'
import Label from '#models/label'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { ensurePermissionCatalog } from '#admin/permission_catalog'
import { versionOf } from '#admin/form_versions'
import { outcomeOf, race, tally } from '#tests/helpers/races'

/*
 * Twenty admin saves at once on what a unique index guards. The saves commit for real (a shared
 * test transaction would queue them), so the group empties the database when it is done.
 */
test.group('Races | the admin', (group) => {
  group.setup(() => testUtils.db().truncate())

  test('20 additions of one group name: one group, every other save says the name is taken', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const add = () =>
      client
        .post('/admin/groups')
        .json({ name: 'Support', permissions: [] })
        .withCsrfToken()
        .loginAs(admin)
        .header('referer', '/admin/groups/add')
        .redirects(0)

    const answers = await race(20, add)
    const sequential = await add()

    assert.equal(outcomeOf(sequential), '302 errors: {"name":["The name has already been taken"]}')
    assert.deepEqual(tally(answers), { '302 success': 1, [outcomeOf(sequential)]: 19 })
    assert.lengthOf(await Group.query().where('name', 'Support'), 1)
  })

  test('20 additions of one email: one account, every other save says the email is taken', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const add = (index: number) =>
      client
        .post('/admin/users')
        .json({
          email: 'twin@example.com',
          fullName: `Twin ${index}`,
          password: 'a long enough passphrase 42',
          timeZone: 'UTC',
          isActive: true,
          isStaff: false,
          isSuperuser: false,
          groups: [],
          permissions: [],
          emailVerifiedAt: null,
        })
        .withCsrfToken()
        .loginAs(admin)
        .header('referer', '/admin/users/add')
        .redirects(0)

    const answers = await race(20, add)
    const sequential = await add(20)

    assert.equal(
      outcomeOf(sequential),
      '302 errors: {"email":["The email has already been taken"]}'
    )
    assert.deepEqual(tally(answers), { '302 success': 1, [outcomeOf(sequential)]: 19 })
    assert.lengthOf(await User.query().where('email', 'twin@example.com'), 1)
  })

  test('20 additions of one membership: one row, every other save says already a member', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const { project, users } = await projectWithCast()
    const add = () =>
      client
        .post('/admin/project-members')
        .json({ project: project.id, user: users.nonMember.id, role: 'viewer' })
        .withCsrfToken()
        .loginAs(admin)
        .header('referer', '/admin/project-members/add')
        .redirects(0)

    const answers = await race(20, add)
    const sequential = await add()

    assert.equal(outcomeOf(sequential), '302 errors: {"user":["This person is already a member."]}')
    assert.deepEqual(tally(answers), { '302 success': 1, [outcomeOf(sequential)]: 19 })
    const rows = await db
      .from('project_members')
      .where({ project_id: project.id, user_id: users.nonMember.id })
    assert.lengthOf(rows, 1)
  })

  test('20 additions of one label name: one label, every other save says the name is taken', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const { project } = await projectWithCast()
    const add = () =>
      client
        .post('/admin/labels')
        .json({ project: project.id, name: 'release', color: '#123456' })
        .withCsrfToken()
        .loginAs(admin)
        .header('referer', '/admin/labels/add')
        .redirects(0)

    const answers = await race(20, add)
    const sequential = await add()

    assert.equal(outcomeOf(sequential), '302 errors: {"name":["The name has already been taken"]}')
    assert.deepEqual(tally(answers), { '302 success': 1, [outcomeOf(sequential)]: 19 })
    assert.lengthOf(await Label.query().where({ project_id: project.id, name: 'release' }), 1)
  })

  test('20 saves granting a group the same permissions: all saved, each link once', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    await ensurePermissionCatalog()
    const permissions = await db.from('permissions').orderBy('id').limit(3)
    const granted = permissions.map((permission) => Number(permission.id))
    const created = await Group.create({ name: 'Auditors' })
    const support = await Group.findOrFail(created.id)
    const version = versionOf(support)
    const save = () =>
      client
        .put(`/admin/groups/${support.id}`)
        .json({ name: 'Auditors', permissions: granted, _version: version })
        .withCsrfToken()
        .loginAs(admin)
        .header('referer', `/admin/groups/${support.id}`)
        .redirects(0)

    const answers = await race(20, save)

    assert.deepEqual(tally(answers), { '302 success': 20 })
    const links = await db.from('group_permissions').where('group_id', support.id)
    assert.sameMembers(
      links.map((link) => Number(link.permission_id)),
      granted
    )
  })
})
