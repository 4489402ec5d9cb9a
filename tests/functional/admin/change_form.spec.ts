import { test } from '@japa/runner'
import type { AdminChangeFormProps } from '#admin/types'
import { stored, rowCount } from '#tests/helpers/admin'
import type { ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import User from '#models/user'
import Label from '#models/label'
import Comment from '#models/comment'
import Project from '#models/project'
import { versionOf } from '#admin/form_versions'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast, type ProjectCast } from '#tests/helpers/projects'

/** The change form of the cast's task as sent back unchanged, with `changes` applied. */
function taskForm(cast: ProjectCast, changes: Record<string, unknown> = {}) {
  return {
    project: cast.project.id,
    title: cast.task.title,
    description: '',
    status: 'todo',
    priority: 1,
    assignee: null,
    dueOn: null,
    labels: [],
    _version: '1',
    ...changes,
  }
}

/** The field errors of a refused JSON request, field to first message. */
function errorsOf(response: ApiResponse): Record<string, string> {
  const errors = response.body().errors as { field: string; message: string }[]
  return Object.fromEntries(errors.map((error) => [error.field, error.message]))
}

test.group('Admin | change form', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('draws a task with its fields, values, inline comments and version', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    await Comment.create({ taskId: cast.task.id, authorId: cast.users.owner.id, body: 'First!' })
    await Comment.create({ taskId: cast.task.id, authorId: cast.users.editor.id, body: 'Second' })

    const response = await client.get(`/admin/tasks/${cast.task.id}`).withInertia().loginAs(admin)

    response.assertInertiaComponent('admin/change_form')
    const props = response.inertiaProps as unknown as AdminChangeFormProps
    assert.deepEqual(
      props.fieldsets.map((fieldset) => [
        fieldset.title,
        fieldset.fields.map((field) => `${field.name}:${field.widget}`),
      ]),
      [
        [
          null,
          [
            'project:relation',
            'title:text',
            'description:textarea',
            'status:select',
            'priority:number',
          ],
        ],
        ['Planning', ['assignee:relation', 'dueOn:date', 'labels:relations']],
      ]
    )
    assert.deepEqual(props.values, {
      project: String(cast.project.id),
      title: 'Check the fuel',
      description: '',
      status: 'todo',
      priority: 1,
      assignee: null,
      dueOn: null,
      labels: [],
    })
    assert.deepEqual(props.fieldsets[0].fields[0].selected, [
      { value: String(cast.project.id), label: 'Apollo' },
    ])
    assert.equal(props.version, '1')
    assert.deepEqual(
      props.inlines[0].rows.map((row) => [row.values.body, row.values.author]),
      [
        ['First!', cast.users.owner.email],
        ['Second', cast.users.editor.email],
      ]
    )
    assert.equal(props.historyUrl, `/admin/tasks/${cast.task.id}/history`)
  })

  test('saves a change, bumps the version and records who did it', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json({
        ...taskForm(cast, { title: 'Renamed', status: 'done', dueOn: '2026-12-01' }),
        _save: 'continue',
      })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    response.assertStatus(302)
    assert.equal(response.header('location'), `/admin/tasks/${cast.task.id}`)
    response.assertFlashMessage('success', 'The task “Renamed” was changed.')
    const task = await Task.findOrFail(cast.task.id)
    assert.deepEqual(
      [task.title, task.status, task.dueOn?.toISODate(), task.version],
      ['Renamed', 'done', '2026-12-01', 2]
    )
    const entry = await db
      .from('activities')
      .where({ subject_type: 'task', subject_id: String(task.id), action: 'updated' })
      .first()
    assert.equal(entry.actor_id, admin.id)
    assert.deepEqual(JSON.parse(entry.changes).title, ['Check the fuel', 'Renamed'])
  })

  test('"save and add another" leads to the add form, "save" to the list', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()

    const another = await client
      .post('/admin/tasks')
      .json({ ...taskForm(cast, { title: 'One' }), _save: 'add_another' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    const plain = await client
      .post('/admin/tasks')
      .json({ ...taskForm(cast, { title: 'Two' }), _save: 'save' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    assert.equal(another.header('location'), '/admin/tasks/add')
    assert.equal(plain.header('location'), '/admin/tasks')
    const added = await Task.query().whereIn('title', ['One', 'Two']).orderBy('title')
    assert.deepEqual(
      added.map((task) => task.title),
      ['One', 'Two']
    )
  })

  test('refuses invalid fields with messages on the fields and changes nothing', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(taskForm(cast, { title: '', status: 'nope', priority: 'high', project: 999999 }))
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    response.assertStatus(422)
    assert.sameMembers(Object.keys(errorsOf(response)), ['title', 'status', 'priority'])
    const task = await Task.findOrFail(cast.task.id)
    assert.deepEqual([task.title, task.status, task.version], ['Check the fuel', 'todo', 1])
  })

  test('refuses a related id that names no row', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(taskForm(cast, { project: 999999 }))
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    assert.deepEqual(errorsOf(response), { project: 'Choose an existing project' })
    assert.equal(await stored(Task, cast.task.id, 'projectId'), cast.project.id)
  })

  test('refuses a save based on an older version: no lost update', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    cast.task.title = 'Changed in the app meanwhile'
    await cast.task.save()

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(taskForm(cast, { title: 'Stale edit', _version: '1' }))
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    const errors = errorsOf(response)
    assert.match(errors._version, /changed by someone else since you opened it/)
    const task = await Task.findOrFail(cast.task.id)
    assert.deepEqual([task.title, task.version], ['Changed in the app meanwhile', 2])
  })

  test('applies the app rules: labels of the task’s project, an assignee who is a member', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const other = await projectWithCast()

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(taskForm(cast, { labels: [other.label.id], assignee: other.users.owner.id }))
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    assert.deepEqual(errorsOf(response), {
      assignee: 'The assignee must be a member of the project',
      labels: 'Choose labels of the task’s project',
    })
    const task = await Task.findOrFail(cast.task.id)
    assert.isNull(task.assigneeId)
  })

  test('moving a task to another project keeps the rule: its assignee and labels must follow', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const other = await projectWithCast()
    await cast.task.merge({ assigneeId: cast.users.editor.id }).save()
    await cast.task.related('labels').attach([cast.label.id])

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(
        taskForm(cast, {
          project: other.project.id,
          assignee: cast.users.editor.id,
          labels: [cast.label.id],
          _version: '2',
        })
      )
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    assert.deepEqual(errorsOf(response), {
      assignee: 'The assignee must be a member of the project',
      labels: 'Choose labels of the task’s project',
    })
    const task = await Task.findOrFail(cast.task.id)
    assert.deepEqual([task.projectId, task.assigneeId], [cast.project.id, cast.users.editor.id])
  })

  test('accepts a member of the project as assignee with its own labels', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(taskForm(cast, { assignee: cast.users.viewer.id, labels: [cast.label.id] }))
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    assert.notEqual(response.status(), 422, JSON.stringify(response.body()))
    const task = await Task.query().where('id', cast.task.id).preload('labels').firstOrFail()
    assert.deepEqual(
      [task.assigneeId, task.labels.map((label) => label.id)],
      [cast.users.viewer.id, [cast.label.id]]
    )
  })

  test('links labels and records the change of links', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const second = await Label.create({ projectId: cast.project.id, name: 'ui', color: '#000000' })

    await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(taskForm(cast, { labels: [second.id, cast.label.id] }))
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    const links = await db.from('task_labels').where('task_id', cast.task.id).orderBy('label_id')
    assert.deepEqual(
      links.map((link) => link.label_id),
      [cast.label.id, second.id].sort((a, b) => a - b)
    )
    const entry = await db
      .from('activities')
      .where({ subject_type: 'task', subject_id: String(cast.task.id) })
      .orderBy('id', 'desc')
      .first()
    assert.deepEqual(JSON.parse(entry.changes).labels, [
      [],
      [cast.label.id, second.id].sort((a, b) => a - b),
    ])
  })

  test('adds, changes and deletes inline comments in the same save', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const keep = await Comment.create({
      taskId: cast.task.id,
      authorId: cast.users.owner.id,
      body: 'Keep me',
    })
    const drop = await Comment.create({
      taskId: cast.task.id,
      authorId: cast.users.owner.id,
      body: 'Drop me',
    })

    await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(
        taskForm(cast, {
          _inlines: {
            comments: [
              { id: String(keep.id), body: 'Kept and edited' },
              { id: String(drop.id), body: 'Drop me', _delete: true },
              { body: 'Added by the admin' },
            ],
          },
        })
      )
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    const comments = await Comment.query().where('task_id', cast.task.id).orderBy('id')
    assert.deepEqual(
      comments.map((comment) => [comment.body, comment.authorId]),
      [
        ['Kept and edited', cast.users.owner.id],
        ['Added by the admin', admin.id],
      ]
    )
  })

  test('an invalid inline row refuses the whole save', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(taskForm(cast, { title: 'Not saved either', _inlines: { comments: [{ body: '' }] } }))
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    assert.deepEqual(Object.keys(errorsOf(response)), ['_inlines.comments.0.body'])
    assert.equal(await stored(Task, cast.task.id, 'title'), 'Check the fuel')
    assert.equal(await rowCount(Comment.query().where('task_id', cast.task.id).exec()), 0)
  })

  test('an inline row of another task is refused', async ({ client, assert }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const other = await projectWithCast()
    const foreign = await Comment.create({
      taskId: other.task.id,
      authorId: other.users.owner.id,
      body: 'Not yours',
    })

    const response = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json(
        taskForm(cast, { _inlines: { comments: [{ id: String(foreign.id), body: 'Hijacked' }] } })
      )
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    assert.deepEqual(Object.keys(errorsOf(response)), ['_inlines.comments.0.id'])
    assert.equal(await stored(Comment, foreign.id, 'body'), 'Not yours')
  })

  test('a duplicate email is refused on the field, as the pages refuse it', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const taken = await UserFactory.create()

    const response = await client
      .post('/admin/users')
      .json({
        email: taken.email,
        fullName: 'Twin',
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
      .accept('json')
      .loginAs(admin)

    assert.deepEqual(errorsOf(response), { email: 'The email has already been taken' })
    assert.equal(await rowCount(User.query().where('email', taken.email).exec()), 1)
  })

  test('an inline row with a name its project holds is refused on that row', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const project = await Project.findOrFail(cast.project.id)

    const response = await client
      .put(`/admin/projects/${project.id}`)
      .json({
        name: 'Renamed too',
        description: project.description,
        owner: project.ownerId,
        archivedAt: null,
        _version: versionOf(project),
        _inlines: { labels: [{ name: 'bug', color: '#000000' }] },
      })
      .withCsrfToken()
      .accept('json')
      .loginAs(admin)

    response.assertStatus(422)
    assert.deepEqual(errorsOf(response), {
      '_inlines.labels.0.name': 'The name has already been taken',
    })
    assert.equal(await stored(Project, project.id, 'name'), 'Apollo')
    assert.equal(await rowCount(Label.query().where('project_id', project.id).exec()), 1)
  })
})
