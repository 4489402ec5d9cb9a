import { test } from '@japa/runner'
import Task from '#models/task'
import testUtils from '@adonisjs/core/services/test_utils'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'
import { atriumClient } from '#tests/helpers/atrium_client'

test.group('API | typed client', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists the tasks of a project with a bearer token', async ({ assert }) => {
    const { project, users } = await projectWithCast()
    await TaskFactory.merge({ projectId: project.id, title: 'Land', status: 'done' }).create()
    const client = atriumClient(await bearerTokenOf(users.viewer))

    const { data, error, response } = await client.GET('/api/v1/projects/{projectId}/tasks', {
      params: { path: { projectId: project.id }, query: { status: 'done', perPage: 10 } },
    })

    assert.equal(response.status, 200)
    assert.isUndefined(error)
    assert.deepEqual(
      data!.data.map((task) => task.title),
      ['Land']
    )
    assert.equal(data!.meta.perPage, 10)
  })

  test('creates a task with a bearer token', async ({ assert }) => {
    const { project, users } = await projectWithCast()
    const client = atriumClient(await bearerTokenOf(users.editor, ['task.add']))

    const { data, response } = await client.POST('/api/v1/projects/{projectId}/tasks', {
      params: { path: { projectId: project.id } },
      body: { title: 'Write the release notes', status: 'todo', priority: 2 },
    })

    assert.equal(response.status, 201)
    assert.equal(data!.data.title, 'Write the release notes')
    const task = await Task.findOrFail(data!.data.id)
    assert.equal(task.projectId, project.id)
    assert.equal(task.title, 'Write the release notes')
  })

  test('gets a refusal as typed problem details', async ({ assert }) => {
    const { project, users } = await projectWithCast()
    const client = atriumClient(await bearerTokenOf(users.viewer, ['task.view']))

    const { data, error, response } = await client.POST('/api/v1/projects/{projectId}/tasks', {
      params: { path: { projectId: project.id } },
      body: { title: 'Not mine to add', status: 'todo', priority: 1 },
    })

    assert.equal(response.status, 403)
    assert.isUndefined(data)
    assert.equal(error!.status, 403)
    assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8')
    assert.equal(await Task.query().where('title', 'Not mine to add').first(), null)
  })
})
