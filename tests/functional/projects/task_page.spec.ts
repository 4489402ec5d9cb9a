import { test } from '@japa/runner'
import Task from '#models/task'
import Comment from '#models/comment'
import testUtils from '@adonisjs/core/services/test_utils'
import { createProject } from '#services/projects/projects'
import { removeMember } from '#services/projects/project_membership'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'

const FIELDS = { description: '', status: 'todo', priority: 1, assigneeId: null, dueOn: null }

test.group('Tasks | page and saving', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('members see the task with its history; others get 404', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const task = await TaskFactory.merge({ projectId: project.id, title: 'Check fuel' }).create()

    const page = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .withInertia()
      .loginAs(users.viewer)
    page.assertInertiaComponent('projects/task')
    page.assertInertiaPropsContains({
      task: { id: task.id, title: 'Check fuel', version: 1 },
      canEdit: false,
    })
    const history = page.inertiaProps.history as { action: string }[]
    assert.deepEqual(
      history.map((entry) => entry.action),
      ['created']
    )

    const outsider = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .loginAs(users.nonMember)
    outsider.assertStatus(404)
  })

  test('names the assignee, also one who has left the project', async ({ client }) => {
    const { project, users, task } = await projectWithCast()
    task.assigneeId = users.editor.id
    await task.save()
    await removeMember(project, users.editor)

    const page = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .withInertia()
      .loginAs(users.owner)

    page.assertInertiaPropsContains({
      task: {
        id: task.id,
        assigneeId: users.editor.id,
        assignee: { id: users.editor.id, fullName: users.editor.fullName },
      },
      canEdit: true,
    })
  })

  test('a task without an assignee says so', async ({ client }) => {
    const { project, users, task } = await projectWithCast()

    const page = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .withInertia()
      .loginAs(users.editor)

    page.assertInertiaPropsContains({ task: { assigneeId: null, assignee: null }, canEdit: true })
  })

  test('a task of another project is not reachable through this one', async ({ client }) => {
    const { project, users } = await projectWithCast()
    const other = await createProject(users.owner, { name: 'Other' })
    const foreign = await TaskFactory.merge({ projectId: other.id }).create()

    const response = await client
      .get(`/projects/${project.id}/tasks/${foreign.id}`)
      .loginAs(users.owner)

    response.assertStatus(404)
  })

  test('saving with the current version saves, bumps the version and records who', async ({
    client,
    assert,
  }) => {
    const { project, users, label } = await projectWithCast()
    const task = await TaskFactory.merge({
      projectId: project.id,
      title: 'Old',
      status: 'todo',
    }).create()

    const response = await client
      .put(`/projects/${project.id}/tasks/${task.id}`)
      .withCsrfToken()
      .loginAs(users.editor)
      .json({ ...FIELDS, version: 1, title: 'New', status: 'done', labelIds: [label.id] })
      .redirects(0)

    response.assertFlashMessage('success', 'Task saved.')
    await task.refresh()
    assert.deepEqual([task.title, task.status, task.version], ['New', 'done', 2])
    const page = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .withInertia()
      .loginAs(users.viewer)
    const history = page.inertiaProps.history as {
      actor: string
      changes: Record<string, unknown>
    }[]
    const latest = history.slice(0, 2)
    assert.deepEqual(
      latest.map((entry) => entry.actor),
      [users.editor.fullName, users.editor.fullName]
    )
    assert.includeMembers(
      latest.flatMap((entry) => Object.keys(entry.changes)),
      ['labels', 'status', 'title']
    )
  })

  test('a stale save changes nothing and hands back what the other person saved', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const task = await TaskFactory.merge({
      projectId: project.id,
      title: 'Original',
      status: 'todo',
    }).create()
    // Someone else saves first (version 1 → 2).
    task.title = 'Theirs'
    await task.save()

    const response = await client
      .put(`/projects/${project.id}/tasks/${task.id}`)
      .withCsrfToken()
      .loginAs(users.editor)
      .json({ ...FIELDS, version: 1, title: 'Mine', status: 'in_progress' })
      .redirects(0)

    response.assertFlashMessage(
      'error',
      'Someone saved this task while you were editing it. Compare and choose.'
    )
    response.assertFlashMessage('conflict', {
      title: 'Theirs',
      description: task.description,
      status: 'todo',
      priority: task.priority,
      assigneeId: null,
      dueOn: null,
      labelIds: [],
      version: 2,
    })
    const fresh = await Task.findOrFail(task.id)
    assert.deepEqual([fresh.title, fresh.status, fresh.version], ['Theirs', 'todo', 2])
  })

  test('viewers cannot save; bad input writes nothing', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const task = await TaskFactory.merge({ projectId: project.id, title: 'Keep' }).create()

    const viewer = await client
      .put(`/projects/${project.id}/tasks/${task.id}`)
      .withCsrfToken()
      .header('referer', '/projects')
      .loginAs(users.viewer)
      .json({ ...FIELDS, version: 1, title: 'Changed' })
      .redirects(0)
    viewer.assertFlashMessage('error', 'You are not allowed to do this.')

    const bad = await client
      .put(`/projects/${project.id}/tasks/${task.id}`)
      .withCsrfToken()
      .accept('json')
      .loginAs(users.editor)
      .json({
        ...FIELDS,
        version: 1,
        title: 'Changed',
        assigneeId: users.nonMember.id,
        priority: 9,
      })
    bad.assertStatus(422)

    await task.refresh()
    assert.deepEqual([task.title, task.version], ['Keep', 1])
  })
})

test.group('Tasks | page comments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows the latest 20 comments oldest first, and all of them on request', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    for (let n = 1; n <= 25; n++) {
      await Comment.create({ taskId: task.id, authorId: users.editor.id, body: `Note ${n}` })
    }

    const page = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .withInertia()
      .loginAs(users.viewer)
    const latest = page.inertiaProps.comments as { body: string }[]
    assert.deepEqual(
      latest.map((comment) => comment.body),
      Array.from({ length: 20 }, (_, index) => `Note ${index + 6}`)
    )
    page.assertInertiaPropsContains({ commentsTotal: 25 })

    const all = await client
      .get(`/projects/${project.id}/tasks/${task.id}?comments=all`)
      .withInertia()
      .loginAs(users.viewer)
    assert.lengthOf(all.inertiaProps.comments as unknown[], 25)
  })
})
