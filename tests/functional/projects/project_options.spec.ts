import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import Label from '#models/label'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { type ProjectCast, projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'

type Options = {
  members: { id: number; fullName: string }[]
  labels: { id: number; name: string; color: string }[]
}

/** The members and labels a page offers, as `viewer` gets them. */
async function optionsOn(client: ApiClient, url: string, viewer: User): Promise<Options> {
  const response = await client.get(url).withInertia().loginAs(viewer)
  response.assertStatus(200)
  const { members, labels } = response.inertiaProps as Options
  return { members, labels }
}

const PAGES = {
  'tasks list': ({ project }: ProjectCast) => `/projects/${project.id}/tasks`,
  'task page': ({ project, task }: ProjectCast) => `/projects/${project.id}/tasks/${task.id}`,
}

test.group('Project options | cached members and labels', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const [page, urlOf] of Object.entries(PAGES)) {
    test(`the ${page} reads its options once, then from the cache`, async ({ client, assert }) => {
      const cast = await projectWithCast()
      const url = urlOf(cast)
      const first = await recordQueries(() => optionsOn(client, url, cast.users.owner))
      const next = await recordQueries(() => optionsOn(client, url, cast.users.owner))

      const readsOptions = (sql: string[]) =>
        sql.filter((statement) => /from .labels. where .project_id./.test(statement)).length
      assert.equal(readsOptions(first.sql), 1)
      assert.equal(readsOptions(next.sql), 0)
      assert.deepEqual(next.result, first.result)
    })

    test(`a label added, renamed or deleted shows on the ${page} at the next request`, async ({
      client,
      assert,
    }) => {
      const cast = await projectWithCast()
      const { project, users } = cast
      const url = urlOf(cast)
      const names = async () => {
        const { labels } = await optionsOn(client, url, users.editor)
        return labels.map((label) => label.name)
      }
      assert.deepEqual(await names(), ['bug'])

      await client
        .post(`/projects/${project.id}/labels`)
        .withCsrfToken()
        .loginAs(users.editor)
        .form({ name: 'design', color: '#123abc' })
      assert.deepEqual(await names(), ['bug', 'design'])

      const design = await Label.findByOrFail('name', 'design')
      await client
        .put(`/projects/${project.id}/labels/${design.id}`)
        .withCsrfToken()
        .loginAs(users.editor)
        .form({ name: 'accessibility', color: '#123abc' })
      assert.deepEqual(await names(), ['accessibility', 'bug'])

      await client
        .delete(`/projects/${project.id}/labels/${cast.label.id}`)
        .withCsrfToken()
        .loginAs(users.editor)
      assert.deepEqual(await names(), ['accessibility'])
    })

    test(`a member added, renamed or removed shows on the ${page} at the next request`, async ({
      client,
      assert,
    }) => {
      const cast = await projectWithCast()
      const { project, users } = cast
      const url = urlOf(cast)
      const newcomer = await UserFactory.merge({ fullName: 'Zoe Newcomer' }).create()
      const members = async () => {
        const options = await optionsOn(client, url, users.owner)
        return options.members.map((member) => member.fullName)
      }
      const before = await members()
      assert.notInclude(before, 'Zoe Newcomer')

      await client
        .post(`/projects/${project.id}/members`)
        .withCsrfToken()
        .loginAs(users.owner)
        .form({ email: newcomer.email, role: 'editor' })
      assert.include(await members(), 'Zoe Newcomer')

      await client
        .put('/settings/profile')
        .withCsrfToken()
        .loginAs(newcomer)
        .form({ fullName: 'Zoe Renamed', email: newcomer.email })
      const renamed = await members()
      assert.include(renamed, 'Zoe Renamed')
      assert.notInclude(renamed, 'Zoe Newcomer')

      await client
        .delete(`/projects/${project.id}/members/${newcomer.id}`)
        .withCsrfToken()
        .loginAs(users.owner)
      assert.deepEqual(await members(), before)
    })
  }
})
