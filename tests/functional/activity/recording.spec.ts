import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Task from '#models/task'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { runAsActor } from '#activity/actor'
import { UserFactory } from '#database/factories/user_factory'
import { ProjectFactory, TaskFactory } from '#database/factories/project_factory'
import { addMember, changeMemberRole, removeMember } from '#services/projects/project_membership'

async function activitiesOf(subjectType: string, subjectId: string | number) {
  const rows = await db
    .from('activities')
    .where({ subject_type: subjectType, subject_id: String(subjectId) })
    .orderBy('id')
  return rows.map((row) => ({
    actorId: row.actor_id === null ? null : Number(row.actor_id),
    projectId: row.project_id === null ? null : Number(row.project_id),
    action: row.action,
    changes: JSON.parse(row.changes),
  }))
}

test.group('Activity | recording model writes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('records a created task with every column, by the current actor', async ({ assert }) => {
    const project = await ProjectFactory.with('owner').create()
    const actor = await UserFactory.create()

    const task = await runAsActor(actor.id, () =>
      TaskFactory.merge({
        projectId: project.id,
        title: 'Write the notes',
        status: 'todo',
        priority: 2,
        dueOn: DateTime.fromISO('2026-12-01'),
      }).create()
    )

    const [entry] = await activitiesOf('task', task.id)
    assert.equal(entry.action, 'created')
    assert.equal(entry.actorId, actor.id)
    assert.equal(entry.projectId, project.id)
    assert.containSubset(entry.changes, {
      title: [null, 'Write the notes'],
      status: [null, 'todo'],
      priority: [null, 2],
      project_id: [null, project.id],
    })
    assert.match(entry.changes.due_on[1], /^2026-12-01/)
    assert.notProperty(entry.changes, 'updated_at')
  })

  test('records only the changed columns of an update, from what to what', async ({ assert }) => {
    const project = await ProjectFactory.with('owner').create()
    const task = await TaskFactory.merge({
      projectId: project.id,
      title: 'Old title',
      status: 'todo',
    }).create()

    task.merge({ title: 'New title', status: 'done' })
    await task.save()

    const entries = await activitiesOf('task', task.id)
    assert.lengthOf(entries, 2)
    assert.deepEqual(entries[1], {
      actorId: null,
      projectId: project.id,
      action: 'updated',
      changes: { title: ['Old title', 'New title'], status: ['todo', 'done'] },
    })
    assert.equal(task.version, 2)
  })

  test('an update that changes nothing records nothing', async ({ assert }) => {
    const project = await ProjectFactory.with('owner').create()
    const task = await TaskFactory.merge({ projectId: project.id, title: 'Same' }).create()

    task.title = 'Same'
    await task.save()

    assert.lengthOf(await activitiesOf('task', task.id), 1)
    assert.equal(task.version, 1)
  })

  test('records a deletion with the values the record had', async ({ assert }) => {
    const project = await ProjectFactory.with('owner').create()
    const task = await TaskFactory.merge({ projectId: project.id, title: 'Gone soon' }).create()

    await task.delete()

    const entries = await activitiesOf('task', task.id)
    assert.equal(entries[1].action, 'deleted')
    assert.deepEqual(entries[1].changes.title, ['Gone soon', null])
  })

  test('a write and its entry commit or roll back together', async ({ assert }) => {
    const project = await ProjectFactory.with('owner').create()

    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await Task.create(
          { projectId: project.id, title: 'Never saved', status: 'todo', priority: 0, version: 1 },
          { client: trx }
        )
        throw new Error('the request failed after the write')
      })
    )

    assert.lengthOf(await Task.query().where('title', 'Never saved'), 0)
    const orphan = await db
      .from('activities')
      .where('subject_type', 'task')
      .where('changes', 'like', '%Never saved%')
    assert.lengthOf(orphan, 0)
  })

  test("comments are recorded under their task's project", async ({ assert }) => {
    const project = await ProjectFactory.with('owner').create()
    const author = await UserFactory.create()
    const task = await TaskFactory.merge({ projectId: project.id }).create()

    const comment = await task
      .related('comments')
      .create({ authorId: author.id, body: 'Looks good' })

    const [entry] = await activitiesOf('comment', comment.id)
    assert.equal(entry.projectId, project.id)
    assert.deepEqual(entry.changes.body, [null, 'Looks good'])
  })

  test('membership changes are recorded too', async ({ assert }) => {
    const project = await ProjectFactory.with('owner').create()
    const member = await UserFactory.create()

    await addMember(project, member, 'viewer')
    await changeMemberRole(project, member, 'editor')
    await removeMember(project, member)

    const entries = await activitiesOf('project_member', `${project.id}:${member.id}`)
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.changes.role]),
      [
        ['created', [null, 'viewer']],
        ['updated', ['viewer', 'editor']],
        ['deleted', ['editor', null]],
      ]
    )
  })
})
