import { test } from '@japa/runner'
import Label from '#models/label'
import Activity from '#models/activity'
import testUtils from '@adonisjs/core/services/test_utils'
import { createProject } from '#services/projects/projects'
import { projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'

test.group('API | labels', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists labels by name, in the same number of queries for 2 or 30', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/labels?perPage=100`

    async function queriesFor(count: number) {
      const existing = await Label.query().where('project_id', project.id)
      for (let index = existing.length; index < count; index++) {
        await Label.create({ projectId: project.id, name: `l${100 - index}`, color: '#000000' })
      }
      const { result, sql } = await recordQueries(() => client.get(path).bearerToken(token))
      assert.equal(result.status(), 200)
      assert.lengthOf(result.body().data, count)
      return { body: result.body(), count: sql.length }
    }

    const few = await queriesFor(2)
    const many = await queriesFor(30)
    assert.equal(many.count, few.count)
    const names = many.body.data.map((label: { name: string }) => label.name)
    assert.deepEqual(names, [...names].sort())
    assert.deepEqual(few.body.data[0], {
      id: few.body.data[0].id,
      projectId: project.id,
      name: 'bug',
      color: '#dc2626',
    })
  })

  test('creates a label (replayed by Idempotency-Key), recorded with the token user as actor', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.editor, ['label.add'])
    const path = `/api/v1/projects/${project.id}/labels`

    const first = await client
      .post(path)
      .header('Idempotency-Key', 'l-1')
      .json({ name: 'ops', color: '#112233' })
      .bearerToken(token)
    const retry = await client
      .post(path)
      .header('Idempotency-Key', 'l-1')
      .json({ name: 'ops', color: '#112233' })
      .bearerToken(token)

    first.assertStatus(201)
    retry.assertStatus(201)
    assert.deepEqual(retry.body(), first.body())
    const label = await Label.findByOrFail('name', 'ops')
    assert.equal(first.header('location'), `${path}/${label.id}`)
    assert.lengthOf(await Label.query().where('name', 'ops'), 1)
    const entry = await Activity.query()
      .where({ subject_type: 'label', subject_id: String(label.id), action: 'created' })
      .firstOrFail()
    assert.equal(entry.actorId, users.editor.id)
  })

  test('refuses a name taken in the project (422)', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const response = await client
      .post(`/api/v1/projects/${project.id}/labels`)
      .json({ name: 'bug', color: 'red' })
      .bearerToken(await bearerTokenOf(users.editor))

    response.assertStatus(422)
    assert.sameMembers(
      response.body().errors.map((error: { field: string }) => error.field),
      ['name', 'color']
    )
  })

  test('changes the fields sent with If-Match; 428 without, 412 when stale', async ({
    client,
    assert,
  }) => {
    const { project, users, label } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/labels/${label.id}`
    const read = await client.get(path).bearerToken(token)
    const etag = String(read.header('etag'))
    const again = await client.get(path).header('If-None-Match', etag).bearerToken(token)
    again.assertStatus(304)

    const missing = await client.patch(path).json({ name: 'defect' }).bearerToken(token)
    missing.assertStatus(428)
    const changed = await client
      .patch(path)
      .header('If-Match', etag)
      .json({ name: 'defect' })
      .bearerToken(token)
    changed.assertStatus(200)
    assert.deepInclude(changed.body().data, { name: 'defect', color: '#dc2626' })
    const stale = await client
      .patch(path)
      .header('If-Match', etag)
      .json({ color: '#000000' })
      .bearerToken(token)
    stale.assertStatus(412)
    assert.equal(stale.body().current.name, 'defect')
    await label.refresh()
    assert.deepEqual([label.name, label.color], ['defect', '#dc2626'])
    const entry = await Activity.query()
      .where({ subject_type: 'label', subject_id: String(label.id), action: 'updated' })
      .firstOrFail()
    assert.equal(entry.actorId, users.editor.id)
  })

  test('deletes a label, refusing a stale If-Match (412)', async ({ client, assert }) => {
    const { project, users, label } = await projectWithCast()
    const token = await bearerTokenOf(users.editor)
    const path = `/api/v1/projects/${project.id}/labels/${label.id}`

    const stale = await client.delete(path).header('If-Match', '"hstale"').bearerToken(token)
    stale.assertStatus(412)
    assert.isNotNull(await Label.find(label.id))
    const removed = await client.delete(path).bearerToken(token)
    removed.assertStatus(204)
    assert.isNull(await Label.find(label.id))
    const entry = await Activity.query()
      .where({ subject_type: 'label', subject_id: String(label.id), action: 'deleted' })
      .firstOrFail()
    assert.equal(entry.actorId, users.editor.id)
  })

  test('refuses a viewer (403), a label of another project (404), a non-member (404) and a token without the ability (403)', async ({
    client,
    assert,
  }) => {
    const { project, users, label } = await projectWithCast()
    const other = await createProject(users.owner, { name: 'Vostok' })
    const foreign = await Label.create({ projectId: other.id, name: 'x', color: '#000000' })
    const base = `/api/v1/projects/${project.id}/labels`

    const viewer = await client
      .delete(`${base}/${label.id}`)
      .bearerToken(await bearerTokenOf(users.viewer))
    viewer.assertStatus(403)
    const elsewhere = await client
      .delete(`${base}/${foreign.id}`)
      .bearerToken(await bearerTokenOf(users.owner))
    elsewhere.assertStatus(404)
    const outsider = await client.get(base).bearerToken(await bearerTokenOf(users.nonMember))
    outsider.assertStatus(404)
    const readOnly = await client
      .delete(`${base}/${label.id}`)
      .bearerToken(await bearerTokenOf(users.owner, ['label.view']))
    readOnly.assertStatus(403)
    assert.equal(readOnly.body().code, 'E_MISSING_ABILITY')
    assert.lengthOf(await Label.query().whereIn('id', [label.id, foreign.id]), 2)
  })
})
