import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import Project from '#models/project'
import Activity from '#models/activity'
import testUtils from '@adonisjs/core/services/test_utils'
import { createProject } from '#services/projects/projects'
import { addMember } from '#services/projects/project_membership'
import { projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'
import { UserFactory } from '#database/factories/user_factory'
import { TaskFactory } from '#database/factories/project_factory'

test.group('API | projects list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists only the caller projects, active first then newest, with role and task counts', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const archived = await createProject(users.owner, { name: 'Gemini' })
    archived.archivedAt = archived.createdAt
    await archived.save()
    const newer = await createProject(users.owner, { name: 'Artemis' })
    await createProject(users.nonMember, { name: 'Not mine' })
    await TaskFactory.merge({ projectId: newer.id, status: 'done' }).create()

    const response = await client
      .get('/api/v1/projects')
      .bearerToken(await bearerTokenOf(users.owner))

    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((row: { name: string }) => row.name),
      ['Artemis', 'Apollo', 'Gemini']
    )
    assert.containSubset(response.body().data[0], {
      id: newer.id,
      role: 'owner',
      archived: false,
      taskCounts: { todo: 0, in_progress: 0, done: 1 },
    })
    assert.isTrue(response.body().data[2].archived)
    assert.equal(response.body().data[1].id, project.id)
    assert.deepEqual(response.body().meta, {
      paging: 'page',
      total: 3,
      page: 1,
      perPage: 25,
      lastPage: 1,
    })
  })

  test('pages by cursor in the same order as by page', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (let index = 0; index < 5; index++) await createProject(user, { name: `P${index}` })
    const token = await bearerTokenOf(user)

    const seen: string[] = []
    let next: string | null = '/api/v1/projects?perPage=2&cursor='
    while (next) {
      const url: URL = new URL(next, 'http://x')
      const response: ApiResponse = await client.get(url.pathname + url.search).bearerToken(token)
      response.assertStatus(200)
      seen.push(...response.body().data.map((row: { name: string }) => row.name))
      next = response.body().links.next
    }
    assert.deepEqual(seen, ['P4', 'P3', 'P2', 'P1', 'P0'])
  })

  test('costs the same number of queries for 2 or 30 projects', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await bearerTokenOf(user)

    async function queriesFor(count: number) {
      const existing = await Project.query().where('owner_id', user.id)
      for (let index = existing.length; index < count; index++) {
        const project = await createProject(user, { name: `P${index}` })
        await TaskFactory.merge({ projectId: project.id }).create()
      }
      const { result, sql } = await recordQueries(() =>
        client.get('/api/v1/projects?perPage=100').bearerToken(token)
      )
      assert.equal(result.status(), 200)
      assert.lengthOf(result.body().data, count)
      return sql.length
    }

    const few = await queriesFor(2)
    assert.equal(await queriesFor(30), few)
  })
})

test.group('API | projects read and write', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('creates a project owned by the caller, recorded with the token user as actor', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/api/v1/projects')
      .json({ name: 'Skylab', description: 'Station' })
      .bearerToken(await bearerTokenOf(user, ['project.add']))

    response.assertStatus(201)
    const project = await Project.findByOrFail('name', 'Skylab')
    assert.equal(response.header('location'), `/api/v1/projects/${project.id}`)
    assert.containSubset(response.body().data, {
      id: project.id,
      description: 'Station',
      ownerId: user.id,
      role: 'owner',
    })
    const entry = await Activity.query()
      .where({ subject_type: 'project', subject_id: String(project.id), action: 'created' })
      .firstOrFail()
    assert.equal(entry.actorId, user.id)
  })

  test('reads a project with an ETag and answers 304 to a current copy', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}`

    const response = await client.get(path).bearerToken(token)
    response.assertStatus(200)
    assert.containSubset(response.body().data, { name: 'Apollo', role: 'viewer' })
    const etag = String(response.header('etag'))
    assert.match(etag, /^"h/)

    const again = await client.get(path).header('If-None-Match', etag).bearerToken(token)
    again.assertStatus(304)
  })

  test('renames and archives with If-Match, recorded with the token user as actor', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.owner)
    const path = `/api/v1/projects/${project.id}`
    const read = await client.get(path).bearerToken(token)
    const etag = String(read.header('etag'))

    const response = await client
      .patch(path)
      .header('If-Match', etag)
      .json({ name: 'Apollo 11', archived: true })
      .bearerToken(token)

    response.assertStatus(200)
    assert.containSubset(response.body().data, { name: 'Apollo 11', archived: true })
    assert.notEqual(response.header('etag'), etag)
    await project.refresh()
    assert.equal(project.name, 'Apollo 11')
    assert.isNotNull(project.archivedAt)
    const entry = await Activity.query()
      .where({ subject_type: 'project', subject_id: String(project.id), action: 'updated' })
      .firstOrFail()
    assert.equal(entry.actorId, users.owner.id)

    const restored = await client
      .patch(path)
      .header('If-Match', String(response.header('etag')))
      .json({ archived: false })
      .bearerToken(token)
    restored.assertStatus(200)
    await project.refresh()
    assert.isNull(project.archivedAt)
  })

  test('refuses a change without If-Match (428) or with a stale one (412)', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.owner)
    const path = `/api/v1/projects/${project.id}`
    const read = await client.get(path).bearerToken(token)
    const etag = String(read.header('etag'))
    project.name = 'Changed elsewhere'
    await project.save()

    const missing = await client.patch(path).json({ name: 'Mine' }).bearerToken(token)
    missing.assertStatus(428)
    const stale = await client
      .patch(path)
      .header('If-Match', etag)
      .json({ name: 'Mine' })
      .bearerToken(token)
    stale.assertStatus(412)
    assert.equal(stale.body().current.name, 'Changed elsewhere')
    await project.refresh()
    assert.equal(project.name, 'Changed elsewhere')
  })

  test('deletes a project only with a current If-Match (the typed confirmation of the page)', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.owner)
    const path = `/api/v1/projects/${project.id}`

    const missing = await client.delete(path).bearerToken(token)
    missing.assertStatus(428)
    const stale = await client.delete(path).header('If-Match', '"hstale"').bearerToken(token)
    stale.assertStatus(412)
    assert.isNotNull(await Project.find(project.id))

    const read = await client.get(path).bearerToken(token)
    const etag = String(read.header('etag'))
    const response = await client.delete(path).header('If-Match', etag).bearerToken(token)
    response.assertStatus(204)
    assert.isNull(await Project.find(project.id))
    const entry = await Activity.query()
      .where({ subject_type: 'project', subject_id: String(project.id), action: 'deleted' })
      .firstOrFail()
    assert.equal(entry.actorId, users.owner.id)
  })

  test('lets only owners change or delete a project (403 for an editor), writing nothing', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}`

    const change = await client
      .patch(path)
      .header('If-Match', '*')
      .json({ name: 'Mine', archived: true })
      .bearerToken(token)
    const remove = await client.delete(path).header('If-Match', '*').bearerToken(token)

    change.assertStatus(403)
    remove.assertStatus(403)
    await project.refresh()
    assert.equal(project.name, 'Apollo')
    assert.isNull(project.archivedAt)
  })

  test('answers 404 to a non-member and refuses a token without the ability (403)', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const path = `/api/v1/projects/${project.id}`

    const outsider = await client.get(path).bearerToken(await bearerTokenOf(users.nonMember))
    outsider.assertStatus(404)
    const readOnly = await client
      .patch(path)
      .header('If-Match', '*')
      .json({ name: 'Mine' })
      .bearerToken(await bearerTokenOf(users.owner, ['project.view']))
    readOnly.assertStatus(403)
    assert.equal(readOnly.body().code, 'E_MISSING_ABILITY')
    const create = await client
      .post('/api/v1/projects')
      .json({ name: 'Nope' })
      .bearerToken(await bearerTokenOf(users.owner, ['project.view']))
    create.assertStatus(403)
    assert.isNull(await Project.findBy('name', 'Nope'))
  })

  test('refuses invalid fields with 422', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const response = await client
      .patch(`/api/v1/projects/${project.id}`)
      .header('If-Match', '*')
      .json({ name: 'x'.repeat(121), archived: 'yes' })
      .bearerToken(await bearerTokenOf(users.owner))

    response.assertStatus(422)
    assert.sameMembers(
      response.body().errors.map((error: { field: string }) => error.field),
      ['name', 'archived']
    )
  })

  test('lets a member of several projects see each with its own role', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const other = await createProject(users.nonMember, { name: 'Vostok' })
    await addMember(other, users.viewer, 'editor')

    const response = await client
      .get('/api/v1/projects')
      .bearerToken(await bearerTokenOf(users.viewer))

    assert.deepEqual(
      response.body().data.map((row: { id: number; role: string }) => [row.id, row.role]),
      [
        [other.id, 'editor'],
        [project.id, 'viewer'],
      ]
    )
  })
})
