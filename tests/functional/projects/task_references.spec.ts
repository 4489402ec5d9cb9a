import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import { projectWithCast, type ProjectCast } from '#tests/helpers/projects'

/** The message of each field the response refused. */
function errorsOf(response: ApiResponse): Record<string, string> {
  response.assertStatus(422)
  const errors = response.body().errors as { field: string; message: string }[]
  return Object.fromEntries(errors.map((error) => [error.field, error.message]))
}

/** Two projects, each with its cast: tasks of the first try to point into the second. */
async function twoProjects(): Promise<[ProjectCast, ProjectCast]> {
  return [await projectWithCast(), await projectWithCast()]
}

test.group('Tasks | references stay in the project', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a new task cannot be assigned to a member of another project', async ({
    client,
    assert,
  }) => {
    const [here, there] = await twoProjects()

    const response = await client
      .post(`/projects/${here.project.id}/tasks`)
      .withCsrfToken()
      .accept('json')
      .loginAs(here.users.editor)
      .json({ title: 'Stolen', status: 'todo', priority: 0, assigneeId: there.users.editor.id })

    assert.deepEqual(errorsOf(response), {
      assigneeId: 'The assignee must be a member of the project',
    })
    assert.isNull(await db.from('tasks').where('title', 'Stolen').first())
  })

  test('a new task cannot carry a label of another project beside its own', async ({
    client,
    assert,
  }) => {
    const [here, there] = await twoProjects()

    const response = await client
      .post(`/projects/${here.project.id}/tasks`)
      .withCsrfToken()
      .accept('json')
      .loginAs(here.users.editor)
      .json({
        title: 'Stolen',
        status: 'todo',
        priority: 0,
        labelIds: [here.label.id, there.label.id],
      })

    assert.deepEqual(errorsOf(response), { labelIds: 'Choose labels of the task’s project' })
    assert.isNull(await db.from('tasks').where('title', 'Stolen').first())
  })

  test('saving a task cannot point it at another project’s member or label', async ({
    client,
    assert,
  }) => {
    const [here, there] = await twoProjects()
    const url = `/projects/${here.project.id}/tasks/${here.task.id}`
    const fields = { title: 'Changed', description: '', status: 'todo', priority: 1, version: 1 }

    const response = await client
      .put(url)
      .withCsrfToken()
      .accept('json')
      .loginAs(here.users.editor)
      .json({ ...fields, assigneeId: there.users.owner.id, labelIds: [there.label.id] })

    assert.deepEqual(errorsOf(response), {
      assigneeId: 'The assignee must be a member of the project',
      labelIds: 'Choose labels of the task’s project',
    })
    const task = await Task.query().where('id', here.task.id).preload('labels').firstOrFail()
    assert.deepEqual(
      [task.title, task.assigneeId, task.labels.map((label) => label.id)],
      ['Check the fuel', null, []]
    )
  })

  test('any member may be the assignee, the viewer too, with the project’s own labels', async ({
    client,
    assert,
  }) => {
    const [here] = await twoProjects()

    await client
      .post(`/projects/${here.project.id}/tasks`)
      .withCsrfToken()
      .loginAs(here.users.editor)
      .json({
        title: 'Fine',
        status: 'todo',
        priority: 0,
        assigneeId: here.users.viewer.id,
        labelIds: [here.label.id],
      })
      .redirects(0)

    const task = await Task.query().where('title', 'Fine').preload('labels').firstOrFail()
    assert.deepEqual(
      [task.projectId, task.assigneeId, task.labels.map((label) => label.id)],
      [here.project.id, here.users.viewer.id, [here.label.id]]
    )
  })
})
