import { test } from '@japa/runner'
import type {
  AdminChangeListProps,
  AdminChoice,
  AdminDeleteProps,
  AdminHistoryProps,
  AdminIndexProps,
} from '#admin/types'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import User from '#models/user'
import Comment from '#models/comment'
import Project from '#models/project'
import ProjectMember from '#models/project_member'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { staffWith } from '#tests/helpers/admin'
import { GroupFactory } from '#database/factories/group_factory'
import { grantPermissions, syncUserAccess } from '#admin/permissions'
import { ensurePermissionCatalog } from '#admin/permission_catalog'

test.group('Admin | index', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists the models a staff member may see, with counts and their recent actions', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['task.change'])
    const cast = await projectWithCast()
    await client
      .post('/admin/tasks/actions')
      .json({ action: 'mark_done', ids: [String(cast.task.id)] })
      .withCsrfToken()
      .loginAs(staff)

    const response = await client.get('/admin').withInertia().loginAs(staff)

    response.assertInertiaComponent('admin/index')
    const props = response.inertiaProps as unknown as AdminIndexProps
    assert.deepEqual(props.models, [
      {
        slug: 'tasks',
        label: 'Tasks',
        url: '/admin/tasks',
        addUrl: null,
        area: 'Projects',
        count: { value: 1, kind: 'exact' },
      },
    ])
    assert.deepEqual(props.nav, {
      areas: [
        {
          name: 'Projects',
          models: [{ slug: 'tasks', label: 'Tasks', url: '/admin/tasks', addUrl: null }],
        },
      ],
    })
    assert.lengthOf(props.recentActions, 1)
    assert.deepEqual(props.recentActions[0].subject, {
      label: 'task',
      id: String(cast.task.id),
      title: 'Check the fuel',
      url: `/admin/tasks/${cast.task.id}`,
    })
    assert.deepEqual(
      props.recentActions[0].changes.map((change) => [change.field, change.before, change.after]),
      [['status', 'todo', 'done']]
    )
  })
})

test.group('Admin | change list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('searches, filters and sorts from the query string', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    await Task.createMany([
      {
        projectId: cast.project.id,
        title: 'Paint the rocket',
        status: 'done',
        priority: 2,
        version: 1,
      },
      {
        projectId: cast.project.id,
        title: 'Paint the tower',
        status: 'todo',
        priority: 0,
        version: 1,
      },
    ])

    const response = await client
      .get('/admin/tasks?q=PAINT&status=done&sort=title')
      .withInertia()
      .loginAs(admin)

    const props = response.inertiaProps as unknown as AdminChangeListProps
    assert.deepEqual(
      props.rows.map((row) => row.cells[0]),
      ['Paint the rocket']
    )
    assert.deepEqual(props.params, { q: 'PAINT', status: 'done', sort: 'title' })
    assert.deepEqual(props.pagination, {
      page: 1,
      perPage: 50,
      count: { value: 1, kind: 'exact' },
      hasNext: false,
    })
  })

  test('refuses a sort or filter it does not offer, back to the plain list with a message', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()

    const sort = await client.get('/admin/tasks?sort=password').loginAs(admin).redirects(0)
    const filter = await client.get('/admin/tasks?secret=1').loginAs(admin).redirects(0)

    assert.equal(sort.header('location'), '/admin/tasks')
    sort.assertFlashMessage('error', 'Tasks cannot be sorted by "password".')
    filter.assertFlashMessage('error', 'Tasks have no filter "secret".')
  })

  test('exports the filtered list as CSV, with the same columns', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    await Task.create({
      projectId: cast.project.id,
      title: '=cmd, "quoted"',
      status: 'done',
      priority: 3,
      version: 1,
    })

    const response = await client.get('/admin/tasks/export.csv?status=done').loginAs(admin)

    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    const lines = response.text().trim().split('\r\n')
    assert.equal(lines[0], 'Title,Project,Status,Priority,Assignee,Due on,Updated at')
    assert.lengthOf(lines, 2)
    assert.match(lines[1], /^"'=cmd, ""quoted""",Apollo,Done,3,,,\d{4}-/)
  })

  test('exports every row once, in order, past the size of one read', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
    const rows = Array.from({ length: 2100 }, (_, index) => ({
      project_id: cast.project.id,
      title: `Bulk ${String(index).padStart(4, '0')}`,
      description: '',
      status: 'todo',
      priority: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    }))
    for (let start = 0; start < rows.length; start += 500) {
      await db.table('tasks').multiInsert(rows.slice(start, start + 500))
    }

    const byKey = await client.get('/admin/tasks/export.csv?q=bulk').loginAs(admin)
    const byTitle = await client.get('/admin/tasks/export.csv?q=bulk&sort=title').loginAs(admin)

    const titles = (csv: string) =>
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0])
    const expected = rows.map((row) => row.title)
    assert.deepEqual(titles(byKey.text()), [...expected].reverse())
    assert.deepEqual(titles(byTitle.text()), expected)
  })

  test('a relation lookup finds rows as the user types', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    await projectWithCast()

    const response = await client
      .get('/admin/tasks/lookup/project?q=apo')
      .accept('json')
      .loginAs(admin)

    assert.deepEqual(
      (response.body().results as AdminChoice[]).map((choice) => choice.label),
      ['Apollo']
    )
  })
})

test.group('Admin | history', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows every change of a task, whoever made it: app pages, admin, code', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    await client
      .put(`/projects/${cast.project.id}/tasks/${cast.task.id}`)
      .json({
        title: 'Edited in the app',
        description: '',
        status: 'todo',
        priority: 1,
        assigneeId: null,
        dueOn: null,
        labelIds: [],
        version: 1,
      })
      .withCsrfToken()
      .loginAs(cast.users.editor)
    await client
      .post('/admin/tasks/actions')
      .json({ action: 'mark_done', ids: [String(cast.task.id)] })
      .withCsrfToken()
      .loginAs(admin)

    const response = await client
      .get(`/admin/tasks/${cast.task.id}/history`)
      .withInertia()
      .loginAs(admin)

    response.assertInertiaComponent('admin/history')
    const entries = (response.inertiaProps as unknown as AdminHistoryProps).entries
    assert.deepEqual(
      entries.map((entry) => [
        entry.action,
        entry.actor,
        entry.changes.map((change) => change.field).join(','),
      ]),
      [
        ['updated', admin.fullName, 'status'],
        ['updated', cast.users.editor.fullName, 'title'],
        ['created', null, 'project_id,title,status,priority,created_at,id'],
      ]
    )
  })
})

test.group('Admin | deleting', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the confirmation lists what goes with the selected rows', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    await Comment.create({ taskId: cast.task.id, authorId: cast.users.owner.id, body: 'Going too' })

    const response = await client
      .post('/admin/projects/actions')
      .json({ action: 'delete_selected', ids: [String(cast.project.id)] })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    assert.equal(response.header('location'), `/admin/projects/delete?ids=${cast.project.id}`)
    const page = await client.get(response.header('location')!).withInertia().loginAs(admin)

    page.assertInertiaComponent('admin/delete_confirmation')
    const props = page.inertiaProps as unknown as AdminDeleteProps
    assert.deepEqual(
      props.objects.map((object) => object.title),
      ['Apollo']
    )
    assert.deepEqual(
      props.cascades.map((cascade) => [cascade.label, cascade.count]),
      [
        ['members links', 3],
        ['tasks', 1],
        ['comments', 1],
        ['labels', 1],
      ]
    )
  })

  test('deletes the rows in one transaction and records each deletion', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const second = await Task.create({
      projectId: cast.project.id,
      title: 'Second',
      status: 'todo',
      priority: 0,
      version: 1,
    })

    const response = await client
      .delete('/admin/tasks')
      .json({ ids: [String(cast.task.id), String(second.id)] })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    response.assertFlashMessage('success', 'Deleted 2 tasks.')
    assert.lengthOf(await Task.query().where('project_id', cast.project.id), 0)
  })

  test('a user still referred to by projects is not deleted, and says why', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()

    const response = await client
      .delete('/admin/users')
      .json({ ids: [String(cast.users.owner.id)] })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    assert.match(response.flashMessages().error as string, /^Nothing was deleted/)
    assert.isNotNull(await User.find(cast.users.owner.id))
    assert.isNotNull(await Project.find(cast.project.id))
  })
})

test.group('Admin | users', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff who may change users cannot make anyone a superuser or grant permissions', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['user.change'])
    const target = await UserFactory.create()
    await target.refresh()

    await client
      .put(`/admin/users/${target.id}`)
      .json({
        email: target.email,
        fullName: target.fullName,
        timeZone: 'UTC',
        isActive: true,
        isStaff: true,
        isSuperuser: true,
        groups: [],
        permissions: [],
        emailVerifiedAt: null,
        _version: target.updatedAt.toUTC().toISO(),
      })
      .withCsrfToken()
      .loginAs(staff)

    await target.refresh()
    assert.isTrue(target.isStaff)
    assert.isFalse(target.isSuperuser)
  })

  test('staff cannot change a superuser', async ({ client, assert }) => {
    const staff = await staffWith(['user.change'])
    const root = await UserFactory.apply('superuser').create()

    const response = await client
      .put(`/admin/users/${root.id}`)
      .json({
        email: 'taken-over@example.com',
        fullName: 'x',
        timeZone: 'UTC',
        _version: root.updatedAt.toUTC().toISO(),
      })
      .withCsrfToken()
      .loginAs(staff)
      .redirects(0)

    response.assertFlashMessage('error', 'You are not allowed to do this.')
    await root.refresh()
    assert.notEqual(root.email, 'taken-over@example.com')
  })
})

test.group('Admin | groups', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('permissions granted through a group open the models they name, and no others', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith([])
    const editors = await GroupFactory.create()
    await ensurePermissionCatalog()
    await grantPermissions(editors, ['comment.view'])
    await syncUserAccess(staff, { groupIds: [editors.id] })

    const comments = await client.get('/admin/comments').withInertia().loginAs(staff)
    const tasks = await client.get('/admin/tasks').loginAs(staff)

    comments.assertStatus(200)
    assert.deepEqual(
      (comments.inertiaProps as unknown as AdminChangeListProps).columns.map(
        (column) => column.label
      ),
      ['Comment', 'Author', 'Task id', 'Created at']
    )
    tasks.assertStatus(403)
  })
})

test.group('Admin | members', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a role changed in the admin joins the history the app wrote for that membership', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const member = await ProjectMember.query()
      .where({ projectId: cast.project.id, userId: cast.users.viewer.id })
      .firstOrFail()

    await client
      .put(`/admin/project-members/${member.id}`)
      .json({ project: cast.project.id, user: cast.users.viewer.id, role: 'editor' })
      .withCsrfToken()
      .loginAs(admin)
    const response = await client
      .get(`/admin/project-members/${member.id}/history`)
      .withInertia()
      .loginAs(admin)

    const entries = (response.inertiaProps as unknown as AdminHistoryProps).entries
    assert.deepEqual(
      entries.map((entry) => [
        entry.action,
        entry.changes.map((change) => [change.field, change.before, change.after]),
      ]),
      [
        ['updated', [['role', 'viewer', 'editor']]],
        [
          'created',
          [
            ['project_id', null, String(cast.project.id)],
            ['user_id', null, String(cast.users.viewer.id)],
            ['role', null, 'viewer'],
          ],
        ],
      ]
    )
  })
})
