import { test } from '@japa/runner'
import Task from '#models/task'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { BOARD_COLUMN_LIMIT } from '#services/projects/task_board'

type Card = { id: number; title: string; status: string }

test.group('Board | page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows a column per status with its cards, highest priority first', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    await TaskFactory.merge({
      projectId: project.id,
      title: 'Urgent',
      status: 'todo',
      priority: 3,
    }).create()
    await TaskFactory.merge({
      projectId: project.id,
      title: 'Going',
      status: 'in_progress',
      priority: 0,
    }).create()

    const page = await client
      .get(`/projects/${project.id}/board`)
      .withInertia()
      .loginAs(users.viewer)

    page.assertInertiaComponent('projects/board')
    page.assertInertiaPropsContains({
      counts: { todo: 2, in_progress: 1, done: 0 },
      columnLimit: BOARD_COLUMN_LIMIT,
      canEdit: false,
    })
    const cards = page.inertiaProps.tasks as Card[]
    assert.deepEqual(
      cards.map((card) => [card.title, card.status]),
      [
        ['Urgent', 'todo'],
        [task.title, 'todo'],
        ['Going', 'in_progress'],
      ]
    )
  })

  test('shows at most the column limit of cards per status, and the full counts', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    await TaskFactory.merge({ projectId: project.id, status: 'done' }).createMany(
      BOARD_COLUMN_LIMIT + 2
    )

    const page = await client
      .get(`/projects/${project.id}/board`)
      .withInertia()
      .loginAs(users.editor)

    const cards = page.inertiaProps.tasks as Card[]
    assert.equal(cards.filter((card) => card.status === 'done').length, BOARD_COLUMN_LIMIT)
    assert.equal(cards.filter((card) => card.status === 'todo').length, 1)
    page.assertInertiaPropsContains({
      counts: { todo: 1, in_progress: 0, done: BOARD_COLUMN_LIMIT + 2 },
      canEdit: true,
    })
  })
})

test.group('Board | moving a card', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an editor moves a card: status and version change and the activity records it', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()

    const response = await client
      .patch(`/projects/${project.id}/board/tasks/${task.id}`)
      .withCsrfToken()
      .loginAs(users.editor)
      .json({ status: 'in_progress', from: 'todo' })
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', `/projects/${project.id}/board`)
    await task.refresh()
    assert.deepEqual([task.status, task.version], ['in_progress', 2])
    const entry = await db
      .from('activities')
      .where({ subject_type: 'task', subject_id: String(task.id), action: 'updated' })
      .firstOrFail()
    assert.equal(entry.actor_id, users.editor.id)
    assert.deepEqual(JSON.parse(entry.changes), { status: ['todo', 'in_progress'] })
  })

  test('a move from a column the task has left is refused with a message and changes nothing', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    await Task.query().where('id', task.id).update({ status: 'done', version: 2 })

    const response = await client
      .patch(`/projects/${project.id}/board/tasks/${task.id}`)
      .withCsrfToken()
      .loginAs(users.editor)
      .json({ status: 'in_progress', from: 'todo' })
      .redirects(0)

    response.assertFlashMessage(
      'error',
      '"Check the fuel" was moved to Done by someone else. The board shows where it is now.'
    )
    await task.refresh()
    assert.deepEqual([task.status, task.version], ['done', 2])
  })

  test('a viewer cannot move a card: refused with a message, nothing changes', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()

    const response = await client
      .patch(`/projects/${project.id}/board/tasks/${task.id}`)
      .withCsrfToken()
      .loginAs(users.viewer)
      .header('referer', `/projects/${project.id}/board`)
      .json({ status: 'done', from: 'todo' })
      .withInertia()
      .redirects(0)

    response.assertStatus(303)
    response.assertHeader('location', `/projects/${project.id}/board`)
    response.assertFlashMessage('error', 'You are not allowed to do this.')
    await task.refresh()
    assert.equal(task.status, 'todo')
  })

  test('an unknown status is refused with a message and writes nothing', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()

    const response = await client
      .patch(`/projects/${project.id}/board/tasks/${task.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
      .json({ status: 'archived', from: 'todo' })
      .accept('json')

    response.assertStatus(422)
    response.assertBodyContains({
      errors: [{ field: 'status', message: 'The selected status is invalid' }],
    })
    await task.refresh()
    assert.deepEqual([task.status, task.version], ['todo', 1])
  })

  test('a task of another project cannot be moved through this one', async ({ client, assert }) => {
    const first = await projectWithCast()
    const second = await projectWithCast()

    const response = await client
      .patch(`/projects/${first.project.id}/board/tasks/${second.task.id}`)
      .withCsrfToken()
      .loginAs(first.users.owner)
      .json({ status: 'done', from: 'todo' })

    response.assertStatus(404)
    await second.task.refresh()
    assert.equal(second.task.status, 'todo')
  })
})
