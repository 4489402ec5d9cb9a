import { test } from '@japa/runner'
import Task from '#models/task'
import Comment from '#models/comment'
import Activity from '#models/activity'
import testUtils from '@adonisjs/core/services/test_utils'
import { createProject } from '#services/projects/projects'
import { projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'

test.group('API | comments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists a task comments oldest first with authors, in the same number of queries for 2 or 30', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/tasks/${task.id}/comments?perPage=100`

    async function queriesFor(count: number) {
      const existing = await Comment.query().where('task_id', task.id)
      for (let index = existing.length; index < count; index++) {
        const authorId = index % 2 ? users.editor.id : users.owner.id
        await Comment.create({ taskId: task.id, authorId, body: `c${index}` })
      }
      const { result, sql } = await recordQueries(() => client.get(path).bearerToken(token))
      assert.equal(result.status(), 200)
      assert.lengthOf(result.body().data, count)
      return { body: result.body(), count: sql.length }
    }

    const few = await queriesFor(2)
    const many = await queriesFor(30)
    assert.equal(many.count, few.count)
    assert.deepEqual(
      many.body.data.slice(0, 3).map((comment: { body: string }) => comment.body),
      ['c0', 'c1', 'c2']
    )
    assert.deepEqual(many.body.data[1].author, {
      id: users.editor.id,
      fullName: users.editor.fullName,
    })
  })

  test('adds a comment, recorded with the token user as actor', async ({ client, assert }) => {
    const { project, users, task } = await projectWithCast()
    const path = `/api/v1/projects/${project.id}/tasks/${task.id}/comments`
    const response = await client
      .post(path)
      .json({ body: 'Fuel checked' })
      .bearerToken(await bearerTokenOf(users.editor, ['comment.add']))

    response.assertStatus(201)
    const comment = await Comment.findByOrFail('body', 'Fuel checked')
    assert.equal(response.header('location'), `${path}/${comment.id}`)
    assert.containSubset(response.body().data, {
      id: comment.id,
      taskId: task.id,
      authorId: users.editor.id,
    })
    const entry = await Activity.query()
      .where({ subject_type: 'comment', subject_id: String(comment.id), action: 'created' })
      .firstOrFail()
    assert.equal(entry.actorId, users.editor.id)
  })

  test('lets the author edit with If-Match; 428 without, 412 when stale', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const comment = await Comment.create({ taskId: task.id, authorId: users.editor.id, body: 'a' })
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks/${task.id}/comments/${comment.id}`
    const read = await client.get(path).bearerToken(token)
    const etag = String(read.header('etag'))
    const cached = await client.get(path).header('If-None-Match', etag).bearerToken(token)
    cached.assertStatus(304)

    const missing = await client.patch(path).json({ body: 'b' }).bearerToken(token)
    missing.assertStatus(428)
    const changed = await client
      .patch(path)
      .header('If-Match', etag)
      .json({ body: 'b' })
      .bearerToken(token)
    changed.assertStatus(200)
    assert.equal(changed.body().data.body, 'b')
    const stale = await client
      .patch(path)
      .header('If-Match', etag)
      .json({ body: 'c' })
      .bearerToken(token)
    stale.assertStatus(412)
    assert.equal(stale.body().current.body, 'b')
    await comment.refresh()
    assert.equal(comment.body, 'b')
    const entry = await Activity.query()
      .where({ subject_type: 'comment', subject_id: String(comment.id), action: 'updated' })
      .firstOrFail()
    assert.equal(entry.actorId, users.editor.id)
  })

  test('refuses a non-author edit and an editor deleting another one (403); an owner deletes it', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const comment = await Comment.create({ taskId: task.id, authorId: users.owner.id, body: 'a' })
    const path = `/api/v1/projects/${project.id}/tasks/${task.id}/comments/${comment.id}`
    const editorToken = await bearerTokenOf(users.editor)

    const edit = await client
      .patch(path)
      .header('If-Match', '*')
      .json({ body: 'mine' })
      .bearerToken(editorToken)
    edit.assertStatus(403)
    const remove = await client.delete(path).bearerToken(editorToken)
    remove.assertStatus(403)
    const viewer = await client
      .post(`/api/v1/projects/${project.id}/tasks/${task.id}/comments`)
      .json({ body: 'hi' })
      .bearerToken(await bearerTokenOf(users.viewer))
    viewer.assertStatus(403)
    await comment.refresh()
    assert.equal(comment.body, 'a')

    const ownerToken = await bearerTokenOf(users.owner)
    const stale = await client.delete(path).header('If-Match', '"hstale"').bearerToken(ownerToken)
    stale.assertStatus(412)
    const removed = await client.delete(path).bearerToken(ownerToken)
    removed.assertStatus(204)
    assert.isNull(await Comment.find(comment.id))
    const entry = await Activity.query()
      .where({ subject_type: 'comment', subject_id: String(comment.id), action: 'deleted' })
      .firstOrFail()
    assert.equal(entry.actorId, users.owner.id)
  })

  test('answers 404 for a task of another project, a comment of another task and a non-member; 403 for a token without the ability', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const other = await createProject(users.owner, { name: 'Vostok' })
    const foreignTask = await Task.create({
      projectId: other.id,
      title: 'x',
      status: 'todo',
      priority: 1,
      version: 1,
    })
    const foreign = await Comment.create({
      taskId: foreignTask.id,
      authorId: users.owner.id,
      body: 'f',
    })
    const token = await bearerTokenOf(users.owner)
    const base = `/api/v1/projects/${project.id}/tasks`

    const otherTask = await client.get(`${base}/${foreignTask.id}/comments`).bearerToken(token)
    otherTask.assertStatus(404)
    const otherComment = await client
      .delete(`${base}/${task.id}/comments/${foreign.id}`)
      .bearerToken(token)
    otherComment.assertStatus(404)
    const outsider = await client
      .get(`${base}/${task.id}/comments`)
      .bearerToken(await bearerTokenOf(users.nonMember))
    outsider.assertStatus(404)
    const readOnly = await client
      .post(`${base}/${task.id}/comments`)
      .json({ body: 'no' })
      .bearerToken(await bearerTokenOf(users.owner, ['comment.view']))
    readOnly.assertStatus(403)
    assert.equal(readOnly.body().code, 'E_MISSING_ABILITY')
    assert.isNotNull(await Comment.find(foreign.id))
    assert.isNull(await Comment.findBy('body', 'no'))
  })
})
