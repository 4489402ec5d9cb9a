import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { runAsActor } from '#activity/actor'
import { createProject } from '#services/projects/projects'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'

test.group('Dashboard', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('guests are sent to log in', async ({ client }) => {
    const response = await client.get('/dashboard').redirects(0)

    response.assertHeader('location', '/login')
  })

  test('shows my projects, my tasks due within a week or overdue, and recent activity', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const me = users.editor
    const today = DateTime.now().startOf('day')
    const mine = { projectId: project.id, assigneeId: me.id }
    await TaskFactory.merge({
      ...mine,
      title: 'overdue',
      status: 'todo',
      dueOn: today.minus({ days: 2 }),
    }).create()
    await TaskFactory.merge({
      ...mine,
      title: 'soon',
      status: 'in_progress',
      dueOn: today.plus({ days: 3 }),
    }).create()
    await TaskFactory.merge({
      ...mine,
      title: 'later',
      status: 'todo',
      dueOn: today.plus({ days: 30 }),
    }).create()
    await TaskFactory.merge({ ...mine, title: 'finished', status: 'done', dueOn: today }).create()
    await TaskFactory.merge({
      projectId: project.id,
      assigneeId: users.owner.id,
      title: 'not mine',
      dueOn: today,
    }).create()
    const secret = await createProject(users.nonMember, { name: 'Secret' })
    await runAsActor(users.nonMember.id, () =>
      TaskFactory.merge({ projectId: secret.id, title: 'hidden' }).create()
    )
    await runAsActor(users.owner.id, () =>
      TaskFactory.merge({ projectId: project.id, title: 'latest' }).create()
    )

    const response = await client.get('/dashboard').withInertia().loginAs(me)

    response.assertInertiaComponent('dashboard')
    const props = response.inertiaProps as {
      projects: { name: string; role: string }[]
      dueTasks: { title: string }[]
      activity: { projectName: string; actor: string | null; subjectType: string }[]
    }
    assert.deepEqual(
      props.projects.map((p) => [p.name, p.role]),
      [['Apollo', 'editor']]
    )
    assert.deepEqual(
      props.dueTasks.map((task) => task.title),
      ['overdue', 'soon']
    )
    assert.isTrue(props.activity.every((entry) => entry.projectName === 'Apollo'))
    assert.containSubset(props.activity[0], { actor: users.owner.fullName, subjectType: 'task' })
  })
  test('recent activity is the newest 15 entries across all my projects, none from others', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const second = await createProject(users.editor, { name: 'Gemini' })
    const foreign = await createProject(users.nonMember, { name: 'Secret' })
    // Old entries in Apollo, then newer ones alternating between Gemini and a foreign project.
    await TaskFactory.merge({ projectId: project.id }).createMany(20)
    for (let n = 0; n < 10; n++) {
      await TaskFactory.merge({ projectId: second.id, title: `Gemini ${n}` }).create()
      await TaskFactory.merge({ projectId: foreign.id, title: `Secret ${n}` }).create()
    }

    const page = await client.get('/dashboard').withInertia().loginAs(users.editor)

    const activity = page.inertiaProps.activity as { id: number; projectName: string }[]
    const ids = activity.map((entry) => entry.id)
    assert.lengthOf(activity, 15)
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a)
    )
    assert.deepEqual(
      activity.map((entry) => entry.projectName),
      [...Array(10).fill('Gemini'), ...Array(5).fill('Apollo')]
    )
  })
  test('a member of more than 500 projects still gets the newest activity', async ({
    client,
    assert,
  }) => {
    const { users } = await projectWithCast()
    const now = DateTime.now().toFormat(db.connection().dialect.dateTimeFormat)
    const projectRows = Array.from({ length: 520 }, (_, index) => ({
      owner_id: users.editor.id,
      name: `Bulk ${index}`,
      description: '',
      created_at: now,
      updated_at: now,
    }))
    for (let start = 0; start < projectRows.length; start += 100) {
      await db.table('projects').multiInsert(projectRows.slice(start, start + 100))
    }
    const bulk = await db.from('projects').where('name', 'like', 'Bulk %').select('id')
    const memberships = bulk.map((row) => ({
      project_id: row.id,
      user_id: users.editor.id,
      role: 'owner',
    }))
    for (let start = 0; start < memberships.length; start += 100) {
      await db.table('project_members').multiInsert(memberships.slice(start, start + 100))
    }
    const last = await db.from('projects').where('name', 'Bulk 519').firstOrFail()
    await TaskFactory.merge({ projectId: last.id, title: 'In the last project' }).create()

    const page = await client.get('/dashboard').withInertia().loginAs(users.editor)

    page.assertStatus(200)
    const activity = page.inertiaProps.activity as { projectName: string; subjectType: string }[]
    assert.containSubset(activity[0], { projectName: 'Bulk 519', subjectType: 'task' })
  })
})
