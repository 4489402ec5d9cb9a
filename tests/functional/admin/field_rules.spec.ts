import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import User from '#models/user'
import Label from '#models/label'
import Comment from '#models/comment'
import Project from '#models/project'
import ProjectMember from '#models/project_member'
import adminSite from '#admin/admin_site'
import { AdminContext } from '#admin/admin_context'
import { adminUrls } from '#admin/urls'
import { versionOf } from '#admin/form_versions'
import { formFieldsOf, TEXT_WIDGETS } from '#admin/form_fields'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { rowCount, stored } from '#tests/helpers/admin'

/** The field errors of a refused JSON request: field to first message. */
function errorsOf(response: ApiResponse): Record<string, string> {
  const errors = (response.body().errors ?? []) as { field: string; message: string }[]
  return Object.fromEntries(errors.reverse().map((error) => [error.field, error.message]))
}

/** A user's change form as sent back unchanged, with `changes` applied. */
async function userForm(user: User, changes: Record<string, unknown> = {}) {
  const current = await User.findOrFail(user.id)
  return {
    email: current.email,
    fullName: current.fullName,
    password: null,
    timeZone: current.timeZone,
    isActive: current.isActive,
    isStaff: current.isStaff,
    isSuperuser: current.isSuperuser,
    groups: [],
    permissions: [],
    emailVerifiedAt: null,
    _version: versionOf(current),
    ...changes,
  }
}

test.group('Admin | the pages’ rules', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every text field of every registered form refuses more than the pages allow', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const ctx = new AdminContext(superuser, new Set())
    const checked: string[] = []

    const withAddForm = adminSite.all().filter((candidate) => candidate.hasAddPermission(ctx))
    for (const admin of withAddForm) {
      const names = admin.getFieldsets(ctx).flatMap((fieldset) => fieldset.fields)
      const fields = await formFieldsOf(admin.model, names, {
        fieldOptions: admin.fieldOptions,
        fieldRules: admin.fieldRules,
        readonly: [],
        lookupAdmin: admin,
      })
      for (const field of fields.filter((candidate) => TEXT_WIDGETS.includes(candidate.widget))) {
        const response = await client
          .post(adminUrls.changeList(admin))
          .json({ [field.name]: 'x'.repeat(100_000) })
          .withCsrfToken()
          .accept('json')
          .loginAs(superuser)

        response.assertStatus(422)
        assert.property(errorsOf(response), field.name, `${admin.slug}.${field.name}`)
        checked.push(`${admin.slug}.${field.name}`)
      }
    }
    assert.includeMembers(checked, ['projects.description', 'comments.body', 'users.timeZone'])
  })

  test('a project description or a comment the pages would cut short is refused', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const project = await Project.findOrFail(cast.project.id)
    const comment = await Comment.create({
      taskId: cast.task.id,
      authorId: cast.users.editor.id,
      body: 'Short',
    })

    const described = await client
      .put(`/admin/projects/${project.id}`)
      .json({
        name: project.name,
        description: 'x'.repeat(100_000),
        owner: project.ownerId,
        archivedAt: null,
        _version: versionOf(project),
      })
      .withCsrfToken()
      .accept('json')
      .loginAs(superuser)
    const commented = await client
      .put(`/admin/comments/${comment.id}`)
      .json({
        task: cast.task.id,
        author: cast.users.editor.id,
        body: 'x'.repeat(100_000),
        _version: versionOf(await Comment.findOrFail(comment.id)),
      })
      .withCsrfToken()
      .accept('json')
      .loginAs(superuser)

    assert.deepEqual(errorsOf(described), {
      description: 'The description field must not be greater than 5000 characters',
    })
    assert.deepEqual(errorsOf(commented), {
      body: 'The body field must not be greater than 5000 characters',
    })
    assert.equal(await stored(Project, project.id, 'description'), 'To the moon')
    assert.equal(await stored(Comment, comment.id, 'body'), 'Short')
  })

  test('a boolean is not an id: relations given as true are refused', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const attempts: [string, Record<string, unknown>, string][] = [
      [
        '/admin/tasks',
        { project: true, title: 'T', description: '', status: 'todo', priority: 1 },
        'project',
      ],
      ['/admin/projects', { name: 'P', description: '', owner: true }, 'owner'],
      ['/admin/project-members', { project: cast.project.id, user: true, role: 'viewer' }, 'user'],
      ['/admin/comments', { task: cast.task.id, author: true, body: 'Hi' }, 'author'],
      ['/admin/labels', { project: true, name: 'l', color: '#000000' }, 'project'],
    ]

    for (const [url, form, field] of attempts) {
      const response = await client
        .post(url)
        .json(form)
        .withCsrfToken()
        .accept('json')
        .loginAs(superuser)

      response.assertStatus(422)
      assert.equal(errorsOf(response)[field], `The ${field} field must be a number`, url)
    }
    assert.equal(await rowCount(Task.query().where('title', 'T').exec()), 0)
    assert.equal(await rowCount(Project.query().where('name', 'P').exec()), 0)
    assert.equal(await rowCount(ProjectMember.query().where('role', 'viewer').exec()), 1)
    assert.equal(await rowCount(Comment.query().exec()), 0)
    assert.equal(await rowCount(Label.query().where('name', 'l').exec()), 0)
  })

  test('an empty or unknown time zone is refused and the stored one stays', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const user = await UserFactory.merge({ timeZone: 'Europe/Paris' }).create()

    for (const timeZone of ['', null, 'Mars/Olympus_Mons']) {
      const response = await client
        .put(`/admin/users/${user.id}`)
        .json(await userForm(user, { timeZone }))
        .withCsrfToken()
        .accept('json')
        .loginAs(superuser)

      response.assertStatus(422)
      assert.deepEqual(Object.keys(errorsOf(response)), ['timeZone'])
    }
    assert.equal(await stored(User, user.id, 'timeZone'), 'Europe/Paris')
  })

  test('numbers, choices and emails follow the pages: a priority of 7 is refused', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()

    const task = await client
      .put(`/admin/tasks/${cast.task.id}`)
      .json({
        project: cast.project.id,
        title: cast.task.title,
        description: '',
        status: 'todo',
        priority: 7,
        assignee: null,
        dueOn: null,
        labels: [],
        _version: '1',
      })
      .withCsrfToken()
      .accept('json')
      .loginAs(superuser)
    const user = await client
      .put(`/admin/users/${cast.users.viewer.id}`)
      .json(await userForm(cast.users.viewer, { email: ' Ada@Example.COM ' }))
      .withCsrfToken()
      .loginAs(superuser)
      .redirects(0)

    assert.deepEqual(errorsOf(task), { priority: 'The priority field must be between 0 and 3' })
    assert.equal(await stored(Task, cast.task.id, 'priority'), 1)
    user.assertStatus(302)
    assert.equal(await stored(User, cast.users.viewer.id, 'email'), 'ada@example.com')
  })

  test('a comment needs a task that exists and an author who may write in its project', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const add = (form: Record<string, unknown>) =>
      client
        .post('/admin/comments')
        .json({ body: 'Hello', ...form })
        .withCsrfToken()
        .accept('json')
        .loginAs(superuser)

    const nowhere = await add({ task: 999_999, author: cast.users.editor.id })
    const viewer = await add({ task: cast.task.id, author: cast.users.viewer.id })
    const outsider = await add({ task: cast.task.id, author: cast.users.nonMember.id })
    const editor = await add({ task: cast.task.id, author: cast.users.editor.id })

    assert.deepEqual(errorsOf(nowhere), { task: 'Choose an existing task' })
    for (const refused of [viewer, outsider]) {
      assert.deepEqual(errorsOf(refused), {
        author: 'Choose an editor or owner of the task’s project',
      })
    }
    editor.assertStatus(200)
    const comments = await Comment.query().where('task_id', cast.task.id)
    assert.deepEqual(
      comments.map((comment) => comment.authorId),
      [cast.users.editor.id]
    )
  })

  test('a project added in the admin has its owner as first member; owners come from its members', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const cast = await projectWithCast()
    const owner = await UserFactory.create()

    const added = await client
      .post('/admin/projects')
      .json({ name: 'Gemini', description: '', owner: owner.id, archivedAt: null })
      .withCsrfToken()
      .loginAs(superuser)
      .redirects(0)
    const project = await Project.findByOrFail('name', 'Gemini')
    const handedToViewer = await client
      .put(`/admin/projects/${cast.project.id}`)
      .json({
        name: 'Apollo',
        description: 'To the moon',
        owner: cast.users.viewer.id,
        archivedAt: null,
        _version: versionOf(await Project.findOrFail(cast.project.id)),
      })
      .withCsrfToken()
      .accept('json')
      .loginAs(superuser)

    added.assertStatus(302)
    const members = await db.from('project_members').where('project_id', project.id)
    assert.deepEqual(
      members.map((member) => [Number(member.user_id), member.role]),
      [[owner.id, 'owner']]
    )
    assert.deepEqual(errorsOf(handedToViewer), {
      owner: 'Choose an owner of the project: make them one on its members first',
    })
    assert.equal(await stored(Project, cast.project.id, 'ownerId'), cast.users.owner.id)
  })
})
