import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { runAsActor } from '#activity/actor'
import { createProject } from '#services/projects'
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
})
