import { test } from '@japa/runner'
import type User from '#models/user'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import Comment from '#models/comment'
import UserSession from '#models/user_session'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { projectWithCast } from '#tests/helpers/projects'
import { handle } from '../../../scripts/bench/ceiling/app.ts'
import { localDate } from '../../../scripts/bench/ceiling/dates.ts'
import { differingProp } from '../../../scripts/bench/ceiling_check.ts'
import type { CeilingContext } from '../../../scripts/bench/ceiling/context.ts'
import type { CeilingDatabase, Statement } from '../../../scripts/bench/ceiling/database.ts'
import {
  SESSION_COOKIE,
  SessionSigner,
  XSRF_COOKIE,
  csrfToken,
  randomSecret,
  sha256,
} from '../../../scripts/bench/ceiling/session_cookie.ts'

/**
 * The ceiling's statements run through the app's connection, so that they see the rows the test
 * made inside its global transaction (the benchmark runs them through pg or better-sqlite3).
 */
function appDatabase(): CeilingDatabase {
  const pg = db.connection().dialect.name === 'postgres'
  const adapter: CeilingDatabase = {
    dialect: pg ? 'pg' : 'sqlite',
    async all(statement: Statement, values: unknown[]) {
      const result = await db.rawQuery(pg ? (statement.pg ?? statement.sql) : statement.sql, values)
      return pg ? result.rows : result
    },
    transaction: (work) => work(adapter),
    list: (ids) => (pg ? `{${ids.join(',')}}` : JSON.stringify(ids)),
    timestamp: (date) => (pg ? date : `${localDate(date)} ${date.toTimeString().slice(0, 8)}`),
    close: async () => {},
  }
  return adapter
}

/** A ceiling context on the test database, and a logged-in session cookie of `user`'s. */
async function ceilingFor(user: User, version: string) {
  const signer = new SessionSigner(randomSecret())
  const session = { userId: user.id, key: randomSecret(), csrfSecret: randomSecret() }
  await UserSession.create({
    userId: user.id,
    keyHash: sha256(session.key),
    lastSeenAt: DateTime.now(),
  })
  const context: CeilingContext = {
    db: appDatabase(),
    signer,
    version,
    loginHtml: Buffer.from(''),
    secureCookies: false,
  }
  const cookie = `${SESSION_COOKIE}=${signer.sign(session)}; ${XSRF_COOKIE}=x`
  const headers = { 'cookie': cookie, 'x-inertia': 'true', 'x-inertia-version': version }
  return { context, session, headers }
}

async function atriumPage(client: ApiClient, path: string, user: User) {
  const response = await client.get(path).withInertia().loginAs(user)
  response.assertStatus(200)
  return response.body() as { component: string; version: string; props: Record<string, any> }
}

/** A project with two labelled, assigned tasks, a comment on one, and a visitor (the editor). */
async function seeded() {
  const cast = await projectWithCast()
  const { project, label, task, users } = cast
  task.merge({ assigneeId: users.editor.id, dueOn: DateTime.fromISO('2026-12-01') })
  await task.save()
  await task.related('labels').attach([label.id])
  await Comment.create({ taskId: task.id, authorId: users.editor.id, body: 'Fuel checked.' })
  await Comment.create({ taskId: task.id, authorId: users.owner.id, body: 'Thanks.' })
  return { project, task, user: users.editor }
}

test.group('Benchmark ceiling | same data as Atrium', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('answers the tasks list with the props Atrium renders', async ({ client, assert }) => {
    const { project, user } = await seeded()
    const path = `/projects/${project.id}/tasks?status=todo&page=1`
    const page = await atriumPage(client, path, user)
    const { context, headers } = await ceilingFor(user, page.version)

    const answer = await handle(context, { method: 'GET', url: path, headers, body: '' })

    assert.equal(answer.status, 200)
    const ceiling = JSON.parse(String(answer.body))
    assert.equal(ceiling.component, 'projects/tasks')
    assert.isNull(differingProp(page.props, ceiling.props))
    assert.deepEqual(ceiling.props, page.props)
    assert.lengthOf(ceiling.props.tasks[0].labels, 1)
  })

  test('answers a task page with the props Atrium renders', async ({ client, assert }) => {
    const { project, task, user } = await seeded()
    const path = `/projects/${project.id}/tasks/${task.id}`
    const page = await atriumPage(client, path, user)
    const { context, headers } = await ceilingFor(user, page.version)

    const answer = await handle(context, { method: 'GET', url: path, headers, body: '' })

    const ceiling = JSON.parse(String(answer.body))
    assert.equal(ceiling.component, 'projects/task')
    assert.isNull(differingProp(page.props, ceiling.props))
    assert.deepEqual({ ...ceiling.props, readAt: 0 }, { ...page.props, readAt: 0 })
    assert.lengthOf(ceiling.props.comments, 2)
    assert.isAbove(ceiling.props.history.length, 0)
  })

  test('creates a task only with a valid CSRF token, as Atrium', async ({ assert }) => {
    const { project, user } = await seeded()
    const { context, headers, session } = await ceilingFor(user, 'v')
    const post = (token: string) =>
      handle(context, {
        method: 'POST',
        url: `/projects/${project.id}/tasks`,
        headers: { ...headers, 'x-xsrf-token': token },
        body: JSON.stringify({ title: 'Benchmark task', status: 'todo', priority: 1 }),
      })

    const refused = await post('forged.token')
    const created = await post(csrfToken(session.csrfSecret))

    assert.equal(refused.status, 403)
    assert.equal(created.status, 302)
    assert.equal(created.headers.location, `/projects/${project.id}/tasks`)
    const titles = await db.from('tasks').where('project_id', project.id).select('title')
    assert.sameMembers(
      titles.map((row) => row.title),
      ['Check the fuel', 'Benchmark task']
    )
  })

  test('refuses a session whose row was ended elsewhere', async ({ assert }) => {
    const { project, user } = await seeded()
    const { context, headers } = await ceilingFor(user, 'v')
    await UserSession.query().where('user_id', user.id).delete()

    const answer = await handle(context, {
      method: 'GET',
      url: `/projects/${project.id}/tasks`,
      headers,
      body: '',
    })

    assert.equal(answer.status, 302)
    assert.equal(answer.headers.location, '/login')
  })
})
