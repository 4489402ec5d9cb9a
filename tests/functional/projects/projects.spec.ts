import { test } from '@japa/runner'
import Project from '#models/project'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'

async function roleOf(projectId: number, userId: number) {
  const row = await db
    .from('project_members')
    .where({ project_id: projectId, user_id: userId })
    .first()
  return row?.role ?? null
}

test.group('Projects | create and list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creating a project makes its creator the owner', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await client
      .post('/projects')
      .withCsrfToken()
      .loginAs(user)
      .form({ name: '  Gemini  ', description: 'Two seats' })
      .redirects(0)

    const project = await Project.findByOrFail('name', 'Gemini')
    response.assertHeader('location', `/projects/${project.id}`)
    assert.equal(project.ownerId, user.id)
    assert.equal(project.description, 'Two seats')
    assert.equal(await roleOf(project.id, user.id), 'owner')
  })

  test('refuses an empty or overlong name, writing nothing', async ({ client, assert }) => {
    const user = await UserFactory.create()

    for (const name of ['', 'x'.repeat(10_000)]) {
      const response = await client
        .post('/projects')
        .withCsrfToken()
        .header('referer', '/projects/new')
        .loginAs(user)
        .form({ name })
        .redirects(0)
      response.assertFlashMessage('inputErrorsBag')
    }
    assert.lengthOf(await Project.all(), 0)
  })

  test('lists my projects with my role and task counts, not the others', async ({ client }) => {
    // The cast's project starts with one task to do.
    const { project, users } = await projectWithCast()
    await TaskFactory.merge({ projectId: project.id, status: 'todo' }).createMany(2)
    await TaskFactory.merge({ projectId: project.id, status: 'done' }).create()
    const other = await UserFactory.create()
    await client.post('/projects').withCsrfToken().loginAs(other).form({ name: 'Secret' })

    const response = await client.get('/projects').withInertia().loginAs(users.viewer)

    response.assertInertiaPropsContains({
      projects: [
        {
          id: project.id,
          name: 'Apollo',
          role: 'viewer',
          archived: false,
          taskCounts: { todo: 3, in_progress: 0, done: 1 },
        },
      ],
    })
  })

  test('a project that does not exist answers 404 like a foreign one', async ({ client }) => {
    const user = await UserFactory.create()

    const response = await client.get('/projects/999999').loginAs(user)

    response.assertStatus(404)
  })
})

test.group('Projects | settings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner renames and describes the project', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    await client
      .put(`/projects/${project.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
      .form({ name: 'Artemis', description: 'Back to the moon' })
      .redirects(0)

    await project.refresh()
    assert.equal(project.name, 'Artemis')
    assert.equal(project.description, 'Back to the moon')
  })

  test('archiving makes the project read-only, restoring undoes it', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    await client.post(`/projects/${project.id}/archive`).withCsrfToken().loginAs(users.owner)
    await project.refresh()
    assert.isNotNull(project.archivedAt)

    const adding = await client
      .post(`/projects/${project.id}/members`)
      .withCsrfToken()
      .header('referer', '/projects')
      .loginAs(users.owner)
      .form({ email: users.nonMember.email, role: 'viewer' })
      .redirects(0)
    adding.assertFlashMessage('error', 'You are not allowed to do this.')
    assert.isNull(await roleOf(project.id, users.nonMember.id))

    await client.post(`/projects/${project.id}/archive`).withCsrfToken().loginAs(users.owner)
    await project.refresh()
    assert.isNull(project.archivedAt)
  })

  test('deleting needs the exact name, then removes the project and its tasks', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    await TaskFactory.merge({ projectId: project.id }).createMany(2)

    const wrong = await client
      .delete(`/projects/${project.id}`)
      .withCsrfToken()
      .header('referer', `/projects/${project.id}/settings`)
      .loginAs(users.owner)
      .form({ confirmation: 'apollo' })
      .redirects(0)
    wrong.assertFlashMessage('inputErrorsBag', {
      confirmation: ['Type the project name exactly to confirm'],
    })
    assert.isNotNull(await Project.find(project.id))

    const right = await client
      .delete(`/projects/${project.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
      .form({ confirmation: 'Apollo' })
      .redirects(0)
    right.assertHeader('location', '/projects')
    assert.isNull(await Project.find(project.id))
    assert.lengthOf(await db.from('tasks').where('project_id', project.id), 0)
  })
})

test.group('Projects | members', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner adds an existing account with a role', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    const response = await client
      .post(`/projects/${project.id}/members`)
      .withCsrfToken()
      .loginAs(users.owner)
      .form({ email: users.nonMember.email.toUpperCase(), role: 'editor' })
      .redirects(0)

    response.assertFlashMessage('success', `${users.nonMember.fullName} joined as editor.`)
    assert.equal(await roleOf(project.id, users.nonMember.id), 'editor')
  })

  test('refuses malformed addresses, members twice and unknown roles', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const attempts: [Record<string, string>, Record<string, string[]>][] = [
      [
        { email: 'nobody-at-example.com', role: 'viewer' },
        { email: ['The email field must be a valid email address'] },
      ],
      [
        { email: users.editor.email, role: 'viewer' },
        { email: ['This person is already a member.'] },
      ],
      [{ email: users.nonMember.email, role: 'admin' }, { role: ['The selected role is invalid'] }],
    ]

    for (const [form, errors] of attempts) {
      const response = await client
        .post(`/projects/${project.id}/members`)
        .withCsrfToken()
        .header('referer', `/projects/${project.id}/members`)
        .loginAs(users.owner)
        .form(form)
        .redirects(0)
      response.assertFlashMessage('inputErrorsBag', errors)
    }
    assert.isNull(await roleOf(project.id, users.nonMember.id))
    assert.equal(await roleOf(project.id, users.editor.id), 'editor')
  })

  test('a project always keeps an owner', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    const leaving = await client
      .delete(`/projects/${project.id}/members/${users.owner.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
      .redirects(0)
    leaving.assertFlashMessage(
      'error',
      'A project always keeps an owner: make someone else an owner first.'
    )

    const demoting = await client
      .put(`/projects/${project.id}/members/${users.owner.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
      .form({ role: 'viewer' })
      .redirects(0)
    demoting.assertFlashMessage(
      'error',
      'A project always keeps an owner: make someone else an owner first.'
    )
    assert.equal(await roleOf(project.id, users.owner.id), 'owner')
  })

  test('with a second owner, the first may leave and hands over the project', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    await client
      .put(`/projects/${project.id}/members/${users.editor.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
      .form({ role: 'owner' })

    const response = await client
      .delete(`/projects/${project.id}/members/${users.owner.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
      .redirects(0)

    response.assertHeader('location', '/projects')
    assert.isNull(await roleOf(project.id, users.owner.id))
    await project.refresh()
    assert.equal(project.ownerId, users.editor.id)
  })

  test('a viewer can leave, but cannot remove anyone else', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    await client
      .delete(`/projects/${project.id}/members/${users.editor.id}`)
      .withCsrfToken()
      .header('referer', '/projects')
      .loginAs(users.viewer)
    assert.equal(await roleOf(project.id, users.editor.id), 'editor')

    await client
      .delete(`/projects/${project.id}/members/${users.viewer.id}`)
      .withCsrfToken()
      .loginAs(users.viewer)
    assert.isNull(await roleOf(project.id, users.viewer.id))
  })

  test('lists the members by role, then name, for every member', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    const response = await client
      .get(`/projects/${project.id}/members`)
      .withInertia()
      .loginAs(users.viewer)

    response.assertInertiaPropsContains({ canManage: false, currentUserId: users.viewer.id })
    const members = response.inertiaProps.members as { id: number; role: string }[]
    assert.deepEqual(
      members.map((member) => [member.id, member.role]),
      [
        [users.owner.id, 'owner'],
        [users.editor.id, 'editor'],
        [users.viewer.id, 'viewer'],
      ]
    )
  })
})
