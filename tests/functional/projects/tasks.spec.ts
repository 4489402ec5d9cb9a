import { test } from '@japa/runner'
import type User from '#models/user'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import Task from '#models/task'
import Label from '#models/label'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { createProject } from '#services/projects/projects'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast as castWithTask } from '#tests/helpers/projects'
import { DEFAULT_TASK_SORT } from '#shared/tasks'

type Row = { id: number; title: string }

/** The standard cast, without its sample task, so each test starts from an empty list. */
async function projectWithCast() {
  const cast = await castWithTask()
  await cast.task.delete()
  return cast
}

test.group('Tasks | list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function listed(client: ApiClient, path: string, user: User): Promise<string[]> {
    const response = await client.get(path).withInertia().loginAs(user)
    response.assertStatus(200)
    return (response.inertiaProps.tasks as Row[]).map((task) => task.title)
  }

  test('filters by status, assignee, label, due dates and text', async ({ client, assert }) => {
    const { project, users, label } = await projectWithCast()
    const base = { projectId: project.id, version: 1 }
    const a = await TaskFactory.merge({
      ...base,
      title: 'Alpha fuel',
      status: 'todo',
      assigneeId: users.editor.id,
      dueOn: DateTime.fromISO('2026-12-01'),
    }).create()
    await TaskFactory.merge({
      ...base,
      title: 'Beta 100% done',
      status: 'done',
      assigneeId: null,
      dueOn: DateTime.fromISO('2026-12-20'),
    }).create()
    await TaskFactory.merge({
      ...base,
      title: 'Gamma',
      status: 'in_progress',
      assigneeId: users.owner.id,
      description: 'check the FUEL line',
    }).create()
    await a.related('labels').attach([label.id])
    const path = `/projects/${project.id}/tasks`
    const viewer = users.viewer

    assert.deepEqual(await listed(client, `${path}?status=done`, viewer), ['Beta 100% done'])
    assert.deepEqual(await listed(client, `${path}?assignee=${users.editor.id}`, viewer), [
      'Alpha fuel',
    ])
    assert.deepEqual(await listed(client, `${path}?assignee=none`, viewer), ['Beta 100% done'])
    assert.deepEqual(await listed(client, `${path}?label=${label.id}`, viewer), ['Alpha fuel'])
    assert.deepEqual(await listed(client, `${path}?dueBefore=2026-12-10`, viewer), ['Alpha fuel'])
    assert.deepEqual(await listed(client, `${path}?dueAfter=2026-12-10`, viewer), [
      'Beta 100% done',
    ])
    const fuel = await listed(client, `${path}?q=fuel`, viewer)
    assert.deepEqual(fuel.sort(), ['Alpha fuel', 'Gamma'])
    assert.deepEqual(await listed(client, `${path}?q=100%25`, viewer), ['Beta 100% done'])
    assert.deepEqual(await listed(client, `${path}?q=_`, viewer), [])
  })

  test('sorts by due date or priority, and pages by 25', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    await TaskFactory.merge({
      projectId: project.id,
      title: 'late',
      dueOn: DateTime.fromISO('2027-01-01'),
      priority: 0,
    }).create()
    await TaskFactory.merge({
      projectId: project.id,
      title: 'soon',
      dueOn: DateTime.fromISO('2026-12-01'),
      priority: 3,
    }).create()
    await TaskFactory.merge({
      projectId: project.id,
      title: 'never',
      dueOn: null,
      priority: 1,
    }).create()
    const path = `/projects/${project.id}/tasks`

    assert.deepEqual(await listed(client, `${path}?sort=due`, users.viewer), [
      'soon',
      'late',
      'never',
    ])
    assert.deepEqual(await listed(client, `${path}?sort=priority`, users.viewer), [
      'soon',
      'never',
      'late',
    ])

    await TaskFactory.merge({ projectId: project.id }).createMany(25)
    const second = await client.get(`${path}?page=2`).withInertia().loginAs(users.viewer)
    second.assertInertiaPropsContains({
      pagination: { page: 2, lastPage: 2, total: 28, perPage: 25 },
    })
    assert.lengthOf(second.inertiaProps.tasks as Row[], 3)

    const past = await client.get(`${path}?page=4`).withInertia().loginAs(users.viewer)
    past.assertInertiaPropsContains({
      pagination: { page: 4, lastPage: 2, total: 28, perPage: 25 },
    })
    assert.lengthOf(past.inertiaProps.tasks as Row[], 0)
  })

  test('without a sort, lists the most recently updated first and says which sort it used', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    for (const [title, day] of [
      ['older', '2026-03-01'],
      ['newest', '2026-03-03'],
      ['middle', '2026-03-02'],
    ]) {
      const task = await TaskFactory.merge({ projectId: project.id, title }).create()
      await db
        .from('tasks')
        .where('id', task.id)
        .update({ updated_at: DateTime.fromISO(day).toSQL({ includeOffset: false }) })
    }
    const path = `/projects/${project.id}/tasks`

    assert.deepEqual(await listed(client, path, users.viewer), ['newest', 'middle', 'older'])
    const page = await client.get(path).withInertia().loginAs(users.viewer)
    page.assertInertiaPropsContains({ filters: { sort: DEFAULT_TASK_SORT } })
    assert.deepEqual(await listed(client, `${path}?sort=${DEFAULT_TASK_SORT}`, users.viewer), [
      'newest',
      'middle',
      'older',
    ])
  })

  test("lists only this project's tasks", async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const other = await createProject(users.owner, { name: 'Other' })
    await TaskFactory.merge({ projectId: other.id, title: 'elsewhere' }).create()
    await TaskFactory.merge({ projectId: project.id, title: 'here' }).create()

    assert.deepEqual(await listed(client, `/projects/${project.id}/tasks`, users.owner), ['here'])
  })

  test('refuses filters and sorts that do not exist', async ({ client }) => {
    const { project, users } = await projectWithCast()
    for (const query of [
      'sort=password',
      'status=lost',
      'assignee=1%20or%201=1',
      'dueBefore=tomorrow',
      'page=0',
    ]) {
      const response = await client
        .get(`/projects/${project.id}/tasks?${query}`)
        .accept('json')
        .loginAs(users.viewer)
      response.assertStatus(422)
    }
  })
})

test.group('Tasks | create', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an editor creates a task with an assignee, a due date and labels', async ({
    client,
    assert,
  }) => {
    const { project, users, label } = await projectWithCast()

    const response = await client
      .post(`/projects/${project.id}/tasks`)
      .withCsrfToken()
      .loginAs(users.editor)
      .json({
        title: 'Check fuel',
        status: 'in_progress',
        priority: 2,
        assigneeId: users.viewer.id,
        dueOn: '2026-12-24',
        labelIds: [label.id],
      })
      .redirects(0)

    response.assertHeader('location', `/projects/${project.id}/tasks`)
    const task = await Task.query().where('title', 'Check fuel').preload('labels').firstOrFail()
    assert.deepEqual(
      [
        task.status,
        task.priority,
        task.assigneeId,
        task.dueOn?.toISODate(),
        task.labels.map((l) => l.id),
      ],
      ['in_progress', 2, users.viewer.id, '2026-12-24', [label.id]]
    )
  })

  test('refuses bad input with a message on each field, writing nothing', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const other = await createProject(users.nonMember, { name: 'Other' })
    const foreignLabel = await Label.create({ projectId: other.id, name: 'x', color: '#000000' })
    const valid = { title: 'Valid', status: 'todo', priority: 0 }
    const attempts: [Record<string, unknown>, string][] = [
      [{ ...valid, status: 'lost' }, 'status'],
      [{ ...valid, priority: 9 }, 'priority'],
      [{ ...valid, assigneeId: users.nonMember.id }, 'assigneeId'],
      [{ ...valid, labelIds: [foreignLabel.id] }, 'labelIds'],
      [{ ...valid, title: 'x'.repeat(10_000) }, 'title'],
      [{ ...valid, title: '' }, 'title'],
      [{ ...valid, dueOn: '2026-02-30' }, 'dueOn'],
    ]

    for (const [body, field] of attempts) {
      const response = await client
        .post(`/projects/${project.id}/tasks`)
        .withCsrfToken()
        .accept('json')
        .loginAs(users.editor)
        .json(body)
      response.assertStatus(422)
      const fields = (response.body().errors as { field: string }[]).map((error) => error.field)
      assert.include(fields, field, JSON.stringify(body).slice(0, 80))
    }
    const [{ total }] = await db.from('tasks').where('project_id', project.id).count('* as total')
    assert.equal(Number(total), 0)
  })
})
