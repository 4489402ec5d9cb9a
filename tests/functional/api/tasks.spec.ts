import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Task from '#models/task'
import Activity from '#models/activity'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'

test.group('API | tasks list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists a page with its total, meta and links, filtered as the tasks page filters', async ({
    client,
    assert,
  }) => {
    const { project, users, label } = await projectWithCast()
    const done = await TaskFactory.merge({
      projectId: project.id,
      title: 'Land',
      status: 'done',
      version: 1,
    }).create()
    await done.related('labels').attach([label.id])
    const token = await bearerTokenOf(users.viewer)

    const response = await client
      .get(`/api/v1/projects/${project.id}/tasks`)
      .qs({ status: 'done', label: label.id, perPage: 10 })
      .bearerToken(token)

    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((task: { title: string }) => task.title),
      ['Land']
    )
    assert.deepEqual(response.body().data[0].labelIds, [label.id])
    assert.notProperty(response.body().data[0], 'labels')
    assert.deepEqual(response.body().meta, {
      paging: 'page',
      total: 1,
      page: 1,
      perPage: 10,
      lastPage: 1,
    })
    assert.isNull(response.body().links.next)
    assert.isNull(response.body().links.prev)
  })

  test('walks a list by cursor without skipping or repeating a row', async ({ client, assert }) => {
    const { project, users, task } = await projectWithCast()
    const created = [task.id]
    for (let index = 0; index < 6; index++) {
      const row = await TaskFactory.merge({
        projectId: project.id,
        priority: index % 3,
        dueOn: index % 2 ? DateTime.fromISO(`2027-01-0${index + 1}`) : null,
        version: 1,
      }).create()
      created.push(row.id)
    }
    const token = await bearerTokenOf(users.viewer)

    for (const sort of ['updated', 'due', 'priority']) {
      const seen: number[] = []
      let next: string | null =
        `/api/v1/projects/${project.id}/tasks?sort=${sort}&perPage=2&cursor=`
      while (next) {
        const response = await client
          .get(new URL(next, 'http://x').pathname + new URL(next, 'http://x').search)
          .bearerToken(token)
        response.assertStatus(200)
        seen.push(...response.body().data.map((row: { id: number }) => row.id))
        next = response.body().links.next
      }
      const paged = await client
        .get(`/api/v1/projects/${project.id}/tasks`)
        .qs({ sort, perPage: 100 })
        .bearerToken(token)
      assert.deepEqual(
        seen,
        paged.body().data.map((row: { id: number }) => row.id),
        `cursor order of ${sort}`
      )
      assert.sameMembers(seen, created)
    }
  })

  test('refuses an unknown parameter, sort, expansion, perPage over 100 and a forged cursor', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/tasks`

    for (const [qs, field] of [
      [{ stauts: 'done' }, 'stauts'],
      [{ sort: 'title' }, 'sort'],
      [{ expand: 'project' }, 'expand'],
      [{ perPage: 101 }, 'perPage'],
      [{ cursor: 'forged' }, 'cursor'],
      [{ cursor: '', page: 2 }, 'cursor'],
    ] as const) {
      const response = await client.get(path).qs(qs).bearerToken(token)
      response.assertStatus(400)
      assert.equal(response.header('content-type'), 'application/problem+json; charset=utf-8')
      assert.equal(response.body().errors[0].field, field, JSON.stringify(qs))
    }
  })

  test('inlines assignees and labels on request, in the same number of queries for 2 or 40 tasks', async ({
    client,
    assert,
  }) => {
    const { project, users, label } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/tasks?expand=assignee,labels&perPage=100`

    async function queriesFor(count: number) {
      const existing = await Task.query().where('project_id', project.id).count('* as total')
      const missing = count - Number(existing[0].$extras.total)
      for (let index = 0; index < missing; index++) {
        const task = await TaskFactory.merge({
          projectId: project.id,
          assigneeId: index % 2 ? users.editor.id : users.owner.id,
          version: 1,
        }).create()
        await task.related('labels').attach([label.id])
      }
      const { result, sql } = await recordQueries(() => client.get(path).bearerToken(token))
      assert.equal(result.status(), 200, JSON.stringify(result.body()))
      assert.lengthOf(result.body().data, count)
      return { body: result.body(), count: sql.length }
    }

    const few = await queriesFor(2)
    const many = await queriesFor(40)
    assert.equal(many.count, few.count)
    const assigned = many.body.data.find((task: { assigneeId: number | null }) => task.assigneeId)
    assert.containSubset(assigned.assignee, { id: assigned.assigneeId })
    assert.deepEqual(
      many.body.data.find((task: { labelIds: number[] }) => task.labelIds.length).labels,
      [{ id: label.id, name: 'bug', color: '#dc2626' }]
    )
  })
})

test.group('API | tasks read and write', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('reads a task with an ETag of its version, and answers 304 to a current copy', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/tasks/${task.id}`

    const response = await client.get(path).bearerToken(token)
    response.assertStatus(200)
    assert.equal(response.header('etag'), '"v1"')
    assert.containSubset(response.body().data, { id: task.id, title: 'Check the fuel', version: 1 })

    const again = await client.get(path).header('If-None-Match', '"v1"').bearerToken(token)
    again.assertStatus(304)
    assert.equal(again.text(), '')
  })

  test('creates a task, recorded in the activity with the token user as its actor', async ({
    client,
    assert,
  }) => {
    const { project, users, label } = await projectWithCast()
    const token = await bearerTokenOf(users.editor, ['task.add'])

    const response = await client
      .post(`/api/v1/projects/${project.id}/tasks`)
      .json({
        title: 'Pack',
        status: 'todo',
        priority: 2,
        labelIds: [label.id],
        dueOn: '2027-02-03',
      })
      .bearerToken(token)

    response.assertStatus(201)
    const created = await Task.query().where('title', 'Pack').preload('labels').firstOrFail()
    assert.equal(response.header('location'), `/api/v1/projects/${project.id}/tasks/${created.id}`)
    assert.containSubset(response.body().data, {
      id: created.id,
      title: 'Pack',
      dueOn: '2027-02-03',
      labelIds: [label.id],
      version: 1,
    })
    const entry = await Activity.query()
      .where({ subject_type: 'task', subject_id: String(created.id), action: 'created' })
      .firstOrFail()
    assert.equal(entry.actorId, users.editor.id)
  })

  test('refuses invalid fields with 422 and writes nothing', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const before = await Task.query().count('* as total')

    const response = await client
      .post(`/api/v1/projects/${project.id}/tasks`)
      .json({ title: '', status: 'lost', priority: 99, assigneeId: users.nonMember.id })
      .bearerToken(token)

    response.assertStatus(422)
    assert.sameMembers(
      response.body().errors.map((error: { field: string }) => error.field),
      ['title', 'status', 'priority', 'assigneeId']
    )
    const after = await Task.query().count('* as total')
    assert.equal(after[0].$extras.total, before[0].$extras.total)
  })

  test('changes only the fields sent, when If-Match names the current version', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks/${task.id}`

    const response = await client
      .patch(path)
      .header('If-Match', '"v1"')
      .json({ status: 'done' })
      .bearerToken(token)

    response.assertStatus(200)
    assert.equal(response.header('etag'), '"v2"')
    await task.refresh()
    assert.equal(task.status, 'done')
    assert.equal(task.title, 'Check the fuel')
    assert.equal(task.version, 2)
  })

  test('refuses a change without If-Match (428) or with a stale one (412 with the current task)', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks/${task.id}`
    task.title = 'Changed elsewhere'
    await task.save()

    const missing = await client.patch(path).json({ status: 'done' }).bearerToken(token)
    missing.assertStatus(428)

    const stale = await client
      .patch(path)
      .header('If-Match', '"v1"')
      .json({ status: 'done' })
      .bearerToken(token)
    stale.assertStatus(412)
    assert.equal(stale.header('etag'), '"v2"')
    assert.containSubset(stale.body().current, {
      title: 'Changed elsewhere',
      status: 'todo',
      version: 2,
    })
    await task.refresh()
    assert.equal(task.status, 'todo')
  })

  test('replays a retried create with the same Idempotency-Key and creates nothing', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks`
    const body = { title: 'Once', status: 'todo', priority: 1 }

    const first = await client
      .post(path)
      .header('Idempotency-Key', 'k-1')
      .json(body)
      .bearerToken(token)
    const retry = await client
      .post(path)
      .header('Idempotency-Key', 'k-1')
      .json(body)
      .bearerToken(token)

    first.assertStatus(201)
    retry.assertStatus(201)
    assert.deepEqual(retry.body(), first.body())
    assert.equal(retry.header('location'), first.header('location'))
    assert.equal(retry.header('idempotent-replayed'), 'true')
    assert.lengthOf(await Task.query().where('title', 'Once'), 1)

    const other = await client
      .post(path)
      .header('Idempotency-Key', 'k-1')
      .json({ ...body, title: 'Twice' })
      .bearerToken(token)
    other.assertStatus(422)
    assert.lengthOf(await Task.query().where('title', 'Twice'), 0)
  })

  test('refuses a retry while the first call with its key is still running (409)', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks`
    const body = { title: 'Slow', status: 'todo', priority: 1 }
    const raw = JSON.stringify(body)
    const { createHash } = await import('node:crypto')
    await db.table('api_idempotency_keys').insert({
      user_id: users.editor.id,
      key: 'k-running',
      fingerprint: createHash('sha256').update(`POST ${path}\n${raw}`).digest('hex'),
      claim: 'another-process',
      created_at: new Date(),
      expires_at: new Date(Date.now() + 3_600_000),
    })

    const response = await client
      .post(path)
      .header('Idempotency-Key', 'k-running')
      .bearerToken(token)
      .json(body)

    response.assertStatus(409)
    assert.lengthOf(await Task.query().where('title', 'Slow'), 0)
  })

  test('answers 404 for a project the caller is not a member of, as the pages do', async ({
    client,
  }) => {
    const { project, users, task } = await projectWithCast()
    const token = await bearerTokenOf(users.nonMember)

    const list = await client.get(`/api/v1/projects/${project.id}/tasks`).bearerToken(token)
    const one = await client
      .get(`/api/v1/projects/${project.id}/tasks/${task.id}`)
      .bearerToken(token)

    list.assertStatus(404)
    one.assertStatus(404)
  })

  test('lets the policy refuse a viewer and an ability refuse a token (403), writing nothing', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const path = `/api/v1/projects/${project.id}/tasks`
    const body = { title: 'Nope', status: 'todo', priority: 1 }

    const viewer = await client
      .post(path)
      .json(body)
      .bearerToken(await bearerTokenOf(users.viewer))
    const readOnly = await client
      .post(path)
      .json(body)
      .bearerToken(await bearerTokenOf(users.owner, ['task.view']))

    viewer.assertStatus(403)
    readOnly.assertStatus(403)
    assert.equal(readOnly.body().code, 'E_MISSING_ABILITY')
    assert.lengthOf(await Task.query().where('title', 'Nope'), 0)
  })
})

test.group('API | tasks empty values', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('refuses an emptied title in a change instead of ignoring it', async ({
    client,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)

    const response = await client
      .patch(`/api/v1/projects/${project.id}/tasks/${task.id}`)
      .header('If-Match', '"v1"')
      .json({ title: '' })
      .bearerToken(token)

    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'title')
    await task.refresh()
    assert.equal(task.title, 'Check the fuel')
  })
})

test.group('API | idempotency keys expire and are released', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('takes an expired key anew: the create runs instead of replaying', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks`
    const body = { title: 'Again tomorrow', status: 'todo', priority: 1 }

    const first = await client
      .post(path)
      .header('Idempotency-Key', 'k-old')
      .json(body)
      .bearerToken(token)
    await db
      .from('api_idempotency_keys')
      .where('key', 'k-old')
      .update({ expires_at: new Date(Date.now() - 1000) })
    const later = await client
      .post(path)
      .header('Idempotency-Key', 'k-old')
      .json(body)
      .bearerToken(token)

    first.assertStatus(201)
    later.assertStatus(201)
    assert.isUndefined(later.header('idempotent-replayed'))
    assert.notEqual(later.body().data.id, first.body().data.id)
    assert.lengthOf(await Task.query().where('title', 'Again tomorrow'), 2)
  })

  test('releases the key of a refused call, so the corrected retry creates once', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/tasks`

    const refused = await client
      .post(path)
      .header('Idempotency-Key', 'k-fix')
      .json({ title: '', status: 'todo', priority: 1 })
      .bearerToken(token)
    const corrected = await client
      .post(path)
      .header('Idempotency-Key', 'k-fix')
      .json({ title: 'Fixed', status: 'todo', priority: 1 })
      .bearerToken(token)

    refused.assertStatus(422)
    corrected.assertStatus(201)
    assert.lengthOf(await Task.query().where('title', 'Fixed'), 1)
  })
})
