import { test } from '@japa/runner'
import Comment from '#models/comment'
import testUtils from '@adonisjs/core/services/test_utils'
import { createProject } from '#services/projects/projects'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'

test.group('Comments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an editor comments; the task page lists it with what each viewer may do', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()

    const response = await client
      .post(`/projects/${project.id}/tasks/${task.id}/comments`)
      .withCsrfToken()
      .loginAs(users.editor)
      .form({ body: '  Fuel checked.  ' })
      .redirects(0)
    response.assertHeader('location', `/projects/${project.id}/tasks/${task.id}`)
    const comment = await Comment.findByOrFail('task_id', task.id)
    assert.deepEqual([comment.body, comment.authorId], ['Fuel checked.', users.editor.id])

    const asOwner = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .withInertia()
      .loginAs(users.owner)
    asOwner.assertInertiaPropsContains({
      comments: [
        {
          id: comment.id,
          body: 'Fuel checked.',
          author: users.editor.fullName,
          canEdit: false,
          canDelete: true,
        },
      ],
    })
    const asAuthor = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .withInertia()
      .loginAs(users.editor)
    asAuthor.assertInertiaPropsContains({ comments: [{ canEdit: true, canDelete: true }] })
    const asViewer = await client
      .get(`/projects/${project.id}/tasks/${task.id}`)
      .withInertia()
      .loginAs(users.viewer)
    asViewer.assertInertiaPropsContains({ comments: [{ canEdit: false, canDelete: false }] })
  })

  test('viewers cannot comment; an empty or overlong comment is refused', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const path = `/projects/${project.id}/tasks/${task.id}/comments`

    const viewer = await client
      .post(path)
      .withCsrfToken()
      .header('referer', '/projects')
      .loginAs(users.viewer)
      .form({ body: 'Hi' })
      .redirects(0)
    viewer.assertFlashMessage('error', 'You are not allowed to do this.')

    for (const body of ['   ', 'x'.repeat(5001)]) {
      const response = await client
        .post(path)
        .withCsrfToken()
        .accept('json')
        .loginAs(users.editor)
        .json({ body })
      response.assertStatus(422)
    }
    assert.lengthOf(await Comment.query().where('task_id', task.id), 0)
  })

  test('authors edit their own comments; nobody else can', async ({ client, assert }) => {
    const { project, users, task } = await projectWithCast()
    const comment = await Comment.create({
      taskId: task.id,
      authorId: users.editor.id,
      body: 'First',
    })
    const path = `/projects/${project.id}/tasks/${task.id}/comments/${comment.id}`

    for (const other of [users.owner, users.viewer]) {
      const response = await client
        .put(path)
        .withCsrfToken()
        .header('referer', '/projects')
        .loginAs(other)
        .form({ body: 'Hijacked' })
        .redirects(0)
      response.assertFlashMessage('error', 'You are not allowed to do this.')
    }
    await client.put(path).withCsrfToken().loginAs(users.editor).form({ body: 'Second' })

    await comment.refresh()
    assert.equal(comment.body, 'Second')
  })

  test('owners delete any comment; editors only their own', async ({ client, assert }) => {
    const { project, users, task } = await projectWithCast()
    const byOwner = await Comment.create({
      taskId: task.id,
      authorId: users.owner.id,
      body: 'Owner',
    })
    const byEditor = await Comment.create({
      taskId: task.id,
      authorId: users.editor.id,
      body: 'Editor',
    })
    const base = `/projects/${project.id}/tasks/${task.id}/comments`

    const refused = await client
      .delete(`${base}/${byOwner.id}`)
      .withCsrfToken()
      .header('referer', '/projects')
      .loginAs(users.editor)
      .redirects(0)
    refused.assertFlashMessage('error', 'You are not allowed to do this.')
    assert.isNotNull(await Comment.find(byOwner.id))

    await client.delete(`${base}/${byEditor.id}`).withCsrfToken().loginAs(users.owner)
    assert.isNull(await Comment.find(byEditor.id))
  })

  test('a comment cannot be reached through another task or project', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const otherTask = await TaskFactory.merge({ projectId: project.id }).create()
    const comment = await Comment.create({
      taskId: otherTask.id,
      authorId: users.owner.id,
      body: 'Elsewhere',
    })
    const foreignProject = await createProject(users.owner, { name: 'Other' })

    const wrongTask = await client
      .delete(`/projects/${project.id}/tasks/${task.id}/comments/${comment.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
    wrongTask.assertStatus(404)
    const wrongProject = await client
      .delete(`/projects/${foreignProject.id}/tasks/${otherTask.id}/comments/${comment.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
    wrongProject.assertStatus(404)
    assert.isNotNull(await Comment.find(comment.id))
  })
})
