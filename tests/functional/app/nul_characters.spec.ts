import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { tableSizes } from '#tests/helpers/table_sizes'

/** The fields a JSON refusal names. */
function fieldsOf(body: { errors?: { field?: string }[] }) {
  return (body.errors ?? []).map((error) => error.field)
}

test.group('NUL characters | any input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a NUL byte in any text field of the app is refused on that field, writing nothing', async ({
    client,
    assert,
  }) => {
    const { project, task, users } = await projectWithCast()
    const p = project.id
    const attempts = [
      { request: client.post('/projects').json({ name: 'a\u0000b' }), field: 'name' },
      {
        request: client.put(`/projects/${p}`).json({ name: 'Apollo', description: '\u0000' }),
        field: 'description',
      },
      {
        request: client
          .post(`/projects/${p}/tasks`)
          .json({ title: 'a\u0000b', status: 'todo', priority: 0 }),
        field: 'title',
      },
      {
        request: client
          .put(`/projects/${p}/tasks/${task.id}`)
          .json({ title: 'a\u0000', status: 'todo', priority: 0, version: 1 }),
        field: 'title',
      },
      {
        request: client.post(`/projects/${p}/tasks/${task.id}/comments`).json({ body: 'x\u0000' }),
        field: 'body',
      },
      {
        request: client.post(`/projects/${p}/labels`).json({ name: 'a\u0000', color: '#000000' }),
        field: 'name',
      },
      {
        request: client
          .post(`/projects/${p}/members`)
          .json({ email: 'a\u0000@b.c', role: 'viewer' }),
        field: 'email',
      },
    ]
    const before = await tableSizes()
    for (const { request, field } of attempts) {
      const response = await request.accept('json').withCsrfToken().loginAs(users.owner)
      response.assertStatus(422)
      assert.deepEqual(fieldsOf(response.body()), [field])
    }
    assert.deepEqual(await tableSizes(), before)
    await project.refresh()
    assert.equal(project.description, 'To the moon')
  })

  test('sign-up refuses a NUL byte in the name with a message', async ({ client, assert }) => {
    const response = await client.post('/signup').withCsrfToken().accept('json').json({
      fullName: 'Ada\u0000',
      email: 'ada@example.com',
      password: 'analytical-engine-1843',
      passwordConfirmation: 'analytical-engine-1843',
    })

    response.assertStatus(422)
    assert.deepEqual(fieldsOf(response.body()), ['fullName'])
    assert.isNull(await db.from('users').where('email', 'ada@example.com').first())
  })

  test('a NUL byte in a search is refused with a message', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const superuser = await UserFactory.apply('superuser').create()
    for (const [url, user] of [
      [`/projects/${project.id}/tasks?q=a%00b`, users.viewer],
      ['/admin/tasks?q=%00', superuser],
      ['/admin/tasks/export.csv?q=%00', superuser],
      ['/admin/tasks/lookup/project?q=%00', superuser],
    ] as const) {
      const response = await client.get(url).accept('json').loginAs(user)
      response.assertStatus(422)
      assert.deepEqual(fieldsOf(response.body()), ['q'], url)
    }
  })

  test('a page visit with a NUL byte in its query goes back with the message as a toast', async ({
    client,
  }) => {
    const { project, users } = await projectWithCast()

    const response = await client
      .get(`/projects/${project.id}/tasks?q=a%00b`)
      .header('referer', `/projects/${project.id}`)
      .loginAs(users.viewer)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', `/projects/${project.id}`)
    response.assertFlashMessage('error', 'The q field must not contain a NUL character')
  })
})
