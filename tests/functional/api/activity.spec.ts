import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import Label from '#models/label'
import testUtils from '@adonisjs/core/services/test_utils'
import { createProject } from '#services/projects/projects'
import { projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'
import { runAsActor } from '#activity/actor'

test.group('API | activity', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists the project activity newest first, deletions included, filtered by subject type', async ({
    client,
    assert,
  }) => {
    const { project, users, label } = await projectWithCast()
    await runAsActor(users.editor.id, () => label.delete())
    const other = await createProject(users.owner, { name: 'Vostok' })
    await Label.create({ projectId: other.id, name: 'elsewhere', color: '#000000' })
    const token = await bearerTokenOf(users.viewer, ['activity.view'])
    const path = `/api/v1/projects/${project.id}/activity`

    const all = await client.get(path).bearerToken(token)
    all.assertStatus(200)
    const ids = all.body().data.map((entry: { id: number }) => entry.id)
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a)
    )
    assert.containSubset(all.body().data[0], {
      action: 'deleted',
      subjectType: 'label',
      subjectId: String(label.id),
      actor: { id: users.editor.id, fullName: users.editor.fullName },
      changes: { name: ['bug', null] },
    })

    const labels = await client.get(path).qs({ subjectType: 'label' }).bearerToken(token)
    assert.deepEqual(
      labels.body().data.map((entry: { action: string }) => entry.action),
      ['deleted', 'created']
    )
  })

  test('walks by cursor without skipping or repeating, in the same number of queries for 2 or 30 entries', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/activity`

    async function queriesFor(count: number) {
      const { rows } = await countRows(client, path, token)
      for (let index = rows; index < count; index++) {
        await Label.create({ projectId: project.id, name: `l${index}`, color: '#000000' })
      }
      const { result, sql } = await recordQueries(() =>
        client.get(`${path}?perPage=100&subjectType=label`).bearerToken(token)
      )
      assert.equal(result.status(), 200)
      assert.lengthOf(result.body().data, count)
      return sql.length
    }
    const few = await queriesFor(2)
    assert.equal(await queriesFor(30), few)

    const seen: number[] = []
    let next: string | null = `${path}?perPage=7&cursor=`
    while (next) {
      const url: URL = new URL(next, 'http://x')
      const page: ApiResponse = await client.get(url.pathname + url.search).bearerToken(token)
      seen.push(...page.body().data.map((entry: { id: number }) => entry.id))
      next = page.body().links.next
    }
    const paged = await client.get(`${path}?perPage=100`).bearerToken(token)
    assert.deepEqual(
      seen,
      paged.body().data.map((entry: { id: number }) => entry.id)
    )
  })

  test('answers 404 to a non-member, 400 to an unknown parameter, 403 to a token without the ability', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const path = `/api/v1/projects/${project.id}/activity`

    const outsider = await client.get(path).bearerToken(await bearerTokenOf(users.nonMember))
    outsider.assertStatus(404)
    const unknown = await client
      .get(path)
      .qs({ subject: 'task' })
      .bearerToken(await bearerTokenOf(users.viewer))
    unknown.assertStatus(400)
    const noAbility = await client
      .get(path)
      .bearerToken(await bearerTokenOf(users.owner, ['task.view']))
    noAbility.assertStatus(403)
    assert.equal(noAbility.body().code, 'E_MISSING_ABILITY')
  })
})

/** How many label entries the feed holds now. */
async function countRows(client: ApiClient, path: string, token: string) {
  const response = await client.get(`${path}?subjectType=label&perPage=1`).bearerToken(token)
  return { rows: response.body().meta.total as number }
}
