import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import type User from '#models/user'
import Comment from '#models/comment'
import ProjectInvitation from '#models/project_invitation'
import { UserFactory } from '#database/factories/user_factory'
import { type ProjectCast, projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'
import { sha256 } from '#services/accounts/hashing'
import { sizeChanges, tableNames, tableSizes } from '#tests/helpers/table_sizes'

/** A route of the project group, as the router lists it. */
type GroupRoute = { name: string; pattern: string; method: string }

/**
 * Every route whose pattern starts with `/projects/:projectId`, read from the router (so a route
 * added to the group is covered without touching this file), one entry per method (HEAD aside).
 */
function projectRoutes(): GroupRoute[] {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => /^\/projects\/:projectId(\/|$)/.test(route.pattern))
    .flatMap((route) =>
      route.methods
        .filter((method) => method !== 'HEAD')
        .map((method) => ({ name: route.name ?? route.pattern, pattern: route.pattern, method }))
    )
}

/** The cast, with a comment by its editor and an open invitation: a row for every parameter. */
type Cast = ProjectCast & { commentId: number; invitationId: number }

/** Creates a {@link Cast}. */
async function castWithRows(): Promise<Cast> {
  const cast = await projectWithCast()
  const comment = await Comment.create({
    taskId: cast.task.id,
    authorId: cast.users.editor.id,
    body: 'Hi',
  })
  const invitation = await ProjectInvitation.create({
    projectId: cast.project.id,
    email: 'newcomer@example.com',
    role: 'viewer',
    tokenHash: sha256(`invitation to ${cast.project.id}`),
    invitedById: cast.users.owner.id,
    expiresAt: DateTime.now().plus({ days: 1 }),
  })
  return { ...cast, commentId: comment.id, invitationId: invitation.id }
}

/** A row id that names no row (the highest a row parameter accepts). */
const NO_ROW = 2_147_483_647

/**
 * The URL of `route` in the cast's project, each row parameter naming a row of that project found
 * from the segment before it (`tasks/:id` a task, `members/:id` the editor, and so on). A row this
 * file does not make (a resource added to the group later) gets an id that names no row:
 * `allRows` says whether every parameter names a row.
 */
function urlOf(route: GroupRoute, cast: Cast): { url: string; allRows: boolean } {
  const rows: Record<string, number> = {
    projects: cast.project.id,
    tasks: cast.task.id,
    labels: cast.label.id,
    members: cast.users.editor.id,
    comments: cast.commentId,
    invitations: cast.invitationId,
  }
  const segments = route.pattern.split('/')
  let allRows = true
  const url = segments
    .map((segment, index) => {
      if (!segment.startsWith(':')) return segment
      const row = rows[segments[index - 1]]
      if (row === undefined) allRows = false
      return String(row ?? NO_ROW)
    })
    .join('/')
  return { url, allRows }
}

/** Requests `route` as `user`, as a form of the app would (CSRF token, a page to go back to). */
function send(client: ApiClient, route: GroupRoute, url: string, user: User) {
  return client
    .request(url, route.method as 'GET')
    .withCsrfToken()
    .header('referer', '/projects')
    .loginAs(user)
    .redirects(0)
}

/** The number of rows of every table but the sessions (each `loginAs` request opens one). */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await tableNames()
  return tableSizes(tables.filter((table) => table !== 'user_sessions'))
}

/** The statements that read the `projects` table: the project access lookup. */
const READS_PROJECTS = /^select\b.*\bfrom [`"]projects[`"]/i

test.group('Projects | the project route group', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the group holds every page of a project, and nothing outside /projects/:projectId', ({
    assert,
  }) => {
    const names = projectRoutes().map((route) => route.name)
    for (const name of ['projects.show', 'projects.destroy', 'projects.comments.update']) {
      assert.include(names, name)
    }
    for (const name of ['projects.index', 'projects.create', 'projects.store']) {
      assert.notInclude(names, name)
    }
  })

  test('every route of the group reads the project and the role once, for a member', async ({
    client,
    assert,
  }) => {
    for (const route of projectRoutes()) {
      const cast = await castWithRows()
      const { url, allRows } = urlOf(route, cast)
      const { result, sql } = await recordQueries(async () =>
        send(client, route, url, cast.users.owner)
      )
      const label = `${route.method} ${route.pattern}`
      if (allRows) assert.notEqual(result.status(), 404, label)
      assert.lengthOf(
        sql.filter((statement) => READS_PROJECTS.test(statement)),
        1,
        `${label}:\n${sql.join('\n')}`
      )
    }
  })

  test('every route of the group answers 404 to a non-member and writes nothing', async ({
    client,
    assert,
  }) => {
    const routes = projectRoutes()
    assert.isAbove(routes.length, 0)
    for (const route of routes) {
      const cast = await castWithRows()
      const before = await rowCounts()
      const response = await send(client, route, urlOf(route, cast).url, cast.users.nonMember)

      const label = `${route.method} ${route.pattern}`
      assert.equal(response.status(), 404, label)
      assert.include(response.text(), 'data-test="status-404"', label)
      assert.deepEqual(sizeChanges(before, await rowCounts()), {}, label)
    }
  })

  test('a superuser who is not a member opens every page of the group as its owner does', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    for (const route of projectRoutes().filter((each) => each.method === 'GET')) {
      const cast = await castWithRows()
      const { url, allRows } = urlOf(route, cast)
      const asOwner = allRows ? null : await send(client, route, url, cast.users.owner)
      const expected = asOwner ? asOwner.status() : 200
      const response = await send(client, route, url, superuser)
      assert.equal(response.status(), expected, `${route.method} ${route.pattern}`)
    }
  })

  test('a viewer is refused every write of the group, and nothing changes', async ({
    client,
    assert,
  }) => {
    for (const route of projectRoutes().filter((each) => each.method !== 'GET')) {
      const cast = await castWithRows()
      const before = await rowCounts()
      const response = await send(client, route, urlOf(route, cast).url, cast.users.viewer)

      const label = `${route.method} ${route.pattern}`
      assert.equal(response.status(), 302, label)
      assert.equal(response.header('location'), '/projects', label)
      response.assertFlashMessage('error', 'You are not allowed to do this.')
      assert.deepEqual(sizeChanges(before, await rowCounts()), {}, label)
    }
  })

  test('a viewer asking for the settings page gets 403', async ({ client }) => {
    const { project, users } = await projectWithCast()
    const response = await client.get(`/projects/${project.id}/settings`).loginAs(users.viewer)
    response.assertStatus(403)
    response.assertTextIncludes('data-test="status-403"')
  })
})
