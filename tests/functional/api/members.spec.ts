import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import Activity from '#models/activity'
import ProjectMember from '#models/project_member'
import ProjectInvitation from '#models/project_invitation'
import testUtils from '@adonisjs/core/services/test_utils'
import { createProject } from '#services/projects/projects'
import { addMember } from '#services/projects/project_membership'
import { projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits, fakeMail } from '#tests/helpers/accounts'
import { UserFactory } from '#database/factories/user_factory'

/** The role of `userId` in `projectId`, or null when not a member. */
async function roleOf(projectId: number, userId: number) {
  const membership = await ProjectMember.query().where({ projectId, userId }).first()
  return membership?.role ?? null
}

test.group('API | members', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists members by role then name, in the same number of queries for 2 or 30', async ({
    client,
    assert,
  }) => {
    const owner = await UserFactory.merge({ fullName: 'Zed Owner' }).create()
    const project = await createProject(owner, { name: 'Mir' })
    const token = await bearerTokenOf(owner)
    const path = `/api/v1/projects/${project.id}/members?perPage=100`

    async function queriesFor(count: number) {
      const existing = await ProjectMember.query().where('project_id', project.id)
      for (let index = existing.length; index < count; index++) {
        await addMember(project, await UserFactory.create(), index % 2 ? 'viewer' : 'editor')
      }
      const { result, sql } = await recordQueries(() => client.get(path).bearerToken(token))
      assert.equal(result.status(), 200)
      assert.lengthOf(result.body().data, count)
      return { body: result.body(), count: sql.length }
    }

    const few = await queriesFor(2)
    const many = await queriesFor(30)
    assert.equal(many.count, few.count)
    const roles = many.body.data.map((member: { role: string }) => member.role)
    assert.deepEqual(
      roles,
      [...roles].sort((a, b) => order(a) - order(b))
    )
    assert.deepEqual(many.body.data[0], {
      kind: 'member',
      userId: owner.id,
      fullName: 'Zed Owner',
      email: owner.email,
      role: 'owner',
    })
  })

  test('walks members by cursor in the order of the paged list', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    for (let index = 0; index < 4; index++) {
      await addMember(project, await UserFactory.create(), index % 2 ? 'viewer' : 'editor')
    }
    const token = await bearerTokenOf(users.viewer)
    const path = `/api/v1/projects/${project.id}/members`

    const seen: number[] = []
    let next: string | null = `${path}?perPage=2&cursor=`
    while (next) {
      const url: URL = new URL(next, 'http://x')
      const page: ApiResponse = await client.get(url.pathname + url.search).bearerToken(token)
      page.assertStatus(200)
      seen.push(...page.body().data.map((member: { userId: number }) => member.userId))
      next = page.body().links.next
    }
    const paged = await client.get(`${path}?perPage=100`).bearerToken(token)
    assert.lengthOf(seen, 7)
    assert.deepEqual(
      seen,
      paged.body().data.map((member: { userId: number }) => member.userId)
    )
  })

  test('adds an account by email, recorded with the token user as actor', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const response = await client
      .post(`/api/v1/projects/${project.id}/members`)
      .json({ email: users.nonMember.email, role: 'editor' })
      .bearerToken(await bearerTokenOf(users.owner, ['project_member.add']))

    response.assertStatus(201)
    assert.equal(
      response.header('location'),
      `/api/v1/projects/${project.id}/members/${users.nonMember.id}`
    )
    assert.containSubset(response.body().data, { userId: users.nonMember.id, role: 'editor' })
    assert.equal(await roleOf(project.id, users.nonMember.id), 'editor')
    const entry = await Activity.query()
      .where({
        subject_type: 'project_member',
        subject_id: `${project.id}:${users.nonMember.id}`,
        action: 'created',
      })
      .firstOrFail()
    assert.equal(entry.actorId, users.owner.id)
  })

  test('invites an address without an account, and refuses a member twice (422)', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { restore } = fakeMail()
    cleanup(restore)
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.owner)
    const path = `/api/v1/projects/${project.id}/members`

    const invited = await client
      .post(path)
      .json({ email: 'new@example.com', role: 'viewer' })
      .bearerToken(token)
    invited.assertStatus(201)
    assert.containSubset(invited.body().data, {
      kind: 'invitation',
      email: 'new@example.com',
      role: 'viewer',
    })
    assert.isNotNull(await ProjectInvitation.findBy('email', 'new@example.com'))

    const twice = await client
      .post(path)
      .json({ email: users.editor.email, role: 'viewer' })
      .bearerToken(token)
    twice.assertStatus(422)
    assert.equal(twice.body().errors[0].field, 'email')
    assert.equal(await roleOf(project.id, users.editor.id), 'editor')
  })

  test('changes a role with If-Match; 428 without, 412 when stale', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.owner)
    const path = `/api/v1/projects/${project.id}/members/${users.viewer.id}`
    const read = await client.get(path).bearerToken(token)
    read.assertStatus(200)
    const etag = String(read.header('etag'))

    const missing = await client.patch(path).json({ role: 'editor' }).bearerToken(token)
    missing.assertStatus(428)
    const changed = await client
      .patch(path)
      .header('If-Match', etag)
      .json({ role: 'editor' })
      .bearerToken(token)
    changed.assertStatus(200)
    assert.equal(changed.body().data.role, 'editor')
    const stale = await client
      .patch(path)
      .header('If-Match', etag)
      .json({ role: 'owner' })
      .bearerToken(token)
    stale.assertStatus(412)
    assert.equal(stale.body().current.role, 'editor')
    assert.equal(await roleOf(project.id, users.viewer.id), 'editor')
    const entry = await Activity.query()
      .where({ subject_type: 'project_member', action: 'updated' })
      .where('subject_id', `${project.id}:${users.viewer.id}`)
      .firstOrFail()
    assert.equal(entry.actorId, users.owner.id)
  })

  test('keeps an owner: the last owner can neither step down nor leave (409)', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const token = await bearerTokenOf(users.owner)
    const path = `/api/v1/projects/${project.id}/members/${users.owner.id}`

    const demote = await client
      .patch(path)
      .header('If-Match', '*')
      .json({ role: 'viewer' })
      .bearerToken(token)
    const leave = await client.delete(path).bearerToken(token)

    demote.assertStatus(409)
    leave.assertStatus(409)
    assert.equal(leave.body().code, 'E_LAST_OWNER')
    assert.equal(await roleOf(project.id, users.owner.id), 'owner')
  })

  test('removes a member (owner) and lets a viewer leave, honouring a sent If-Match', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const editorPath = `/api/v1/projects/${project.id}/members/${users.editor.id}`
    const ownerToken = await bearerTokenOf(users.owner)

    const stale = await client
      .delete(editorPath)
      .header('If-Match', '"hstale"')
      .bearerToken(ownerToken)
    stale.assertStatus(412)
    assert.equal(await roleOf(project.id, users.editor.id), 'editor')

    const removed = await client.delete(editorPath).bearerToken(ownerToken)
    removed.assertStatus(204)
    assert.isNull(await roleOf(project.id, users.editor.id))

    const left = await client
      .delete(`/api/v1/projects/${project.id}/members/${users.viewer.id}`)
      .bearerToken(await bearerTokenOf(users.viewer))
    left.assertStatus(204)
    assert.isNull(await roleOf(project.id, users.viewer.id))
  })

  test('refuses an editor managing members (403), a non-member (404), a foreign member (404) and a token without the ability (403)', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const other = await createProject(users.nonMember, { name: 'Vostok' })
    const base = `/api/v1/projects/${project.id}/members`

    const editor = await client
      .patch(`${base}/${users.viewer.id}`)
      .header('If-Match', '*')
      .json({ role: 'owner' })
      .bearerToken(await bearerTokenOf(users.editor))
    editor.assertStatus(403)
    const kick = await client
      .delete(`${base}/${users.viewer.id}`)
      .bearerToken(await bearerTokenOf(users.editor))
    kick.assertStatus(403)
    assert.equal(await roleOf(project.id, users.viewer.id), 'viewer')

    const outsider = await client.get(base).bearerToken(await bearerTokenOf(users.nonMember))
    outsider.assertStatus(404)
    const foreign = await client
      .patch(`${base}/${users.nonMember.id}`)
      .header('If-Match', '*')
      .json({ role: 'viewer' })
      .bearerToken(await bearerTokenOf(users.owner))
    foreign.assertStatus(404)
    assert.equal(await roleOf(other.id, users.nonMember.id), 'owner')
    assert.isNull(await roleOf(project.id, users.nonMember.id))

    const readOnly = await client
      .post(base)
      .json({ email: users.nonMember.email, role: 'viewer' })
      .bearerToken(await bearerTokenOf(users.owner, ['project_member.view']))
    readOnly.assertStatus(403)
    assert.equal(readOnly.body().code, 'E_MISSING_ABILITY')
    assert.isNull(await roleOf(project.id, users.nonMember.id))
  })
})

function order(role: string) {
  return ['owner', 'editor', 'viewer'].indexOf(role)
}
