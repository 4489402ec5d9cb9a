import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import type User from '#models/user'
import Comment from '#models/comment'
import Group from '#models/group'
import UserSession from '#models/user_session'
import { AdminContext } from '#admin/admin_context'
import { sha256 } from '#services/accounts/hashing'
import { inviteToProject } from '#services/projects/project_invitations'
import { GroupFactory } from '#database/factories/group_factory'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { staffWith } from '#tests/helpers/admin'
import { fakeMail } from '#tests/helpers/accounts'
import { tableNames, tableSizes } from '#tests/helpers/table_sizes'
import {
  type RouteCall,
  formFields,
  hostileBodies,
  queryNames,
  routeCalls,
} from '#tests/helpers/route_walk'
import { RouteWalker, type WalkInput, type WalkSession } from '#tests/helpers/route_walker'

/*
| Two faulty routes, registered before the test server commits the router, to show the walk
| notices what it is there to notice: a 500 on a hostile parameter, a write from a hostile body.
*/
router.get('/__tests/walk/:slug', ({ params }) => {
  if (!/^[a-z]+$/.test(params.slug)) throw new Error(`Unexpected "${params.slug}"`)
  return { slug: params.slug }
})
router.post('/__tests/walk', async ({ request }) => {
  if (request.input('action') !== undefined) {
    await Group.create({ name: `written ${Date.now()}` })
  }
  return { ok: true }
})

/** Who walks the routes: nobody, an ordinary user (who owns the project), bare staff, a superuser. */
const VISITORS = ['guest', 'user', 'staff', 'superuser'] as const
type Visitor = (typeof VISITORS)[number]

/** What every visitor's walk starts from: the rows, the sessions, the calls and what to send. */
type WalkPlan = {
  sessions: Record<Visitor, WalkSession | null>
  tables: string[]
  baseline: Record<string, number>
  calls: RouteCall[]
  input: WalkInput
}

/** A session of `user` that is already tracked, so its requests write no session rows. */
async function sessionOf(user: User): Promise<WalkSession> {
  const key = `route-walk-${user.id}`
  await UserSession.create({
    userId: user.id,
    keyHash: sha256(key),
    ipAddress: '127.0.0.1',
    userAgent: null,
    lastSeenAt: DateTime.now(),
  })
  return { auth_web: user.id, session_key: key }
}

/**
 * A row behind every route (a project with a member of each role, a label, a task with a comment,
 * an open invitation, an admin group), the visitors (the ordinary user owns the project), and the
 * calls of every route with the fields and query parameters the app knows.
 */
async function walkPlan(): Promise<WalkPlan> {
  const cast = await projectWithCast()
  await Comment.create({ taskId: cast.task.id, authorId: cast.users.owner.id, body: 'First' })
  await inviteToProject(cast.project, cast.users.owner, 'newcomer@example.com', 'viewer')
  await GroupFactory.create()
  const staff = await staffWith([])
  const superuser = await UserFactory.apply('superuser').create()
  const ctx = new AdminContext(superuser, new Set())
  const tables = await tableNames()
  return {
    sessions: {
      guest: null,
      user: await sessionOf(cast.users.owner),
      staff: await sessionOf(staff),
      superuser: await sessionOf(superuser),
    },
    tables,
    baseline: await tableSizes(tables),
    calls: await routeCalls(ctx, tables),
    input: { bodies: hostileBodies(await formFields(ctx)), queryNames: queryNames(ctx) },
  }
}

/** Milliseconds as seconds, one decimal. */
function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1)
}

test.group('Route walk | hostile input', (group) => {
  let plan: WalkPlan
  group.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    const mail = fakeMail()
    plan = await walkPlan()
    mail.restore()
    return rollback
  })
  group.each.setup(() => fakeMail().restore)

  test('reports answers of 500 and writes that only hostile input causes', async ({
    client,
    assert,
  }) => {
    const { tables, baseline, input } = plan
    const walker = new RouteWalker(client, 'guest', null, tables, baseline)
    const probe = { name: 'probe', queryNames: [], first: true }

    await walker.walk(
      { ...probe, method: 'GET', pattern: '/__tests/walk/:slug', params: { slug: 'fine' } },
      input
    )
    await walker.walk({ ...probe, method: 'POST', pattern: '/__tests/walk', params: {} }, input)

    assert.deepEqual(
      walker.failures.filter((failure) => failure.startsWith('guest GET')),
      [
        'guest GET /__tests/walk/1.5 → 500',
        'guest GET /__tests/walk/-1 → 500',
        'guest GET /__tests/walk/0 → 500',
        'guest GET /__tests/walk/2147483648 → 500',
        'guest GET /__tests/walk/99999999999999999999 → 500',
        'guest GET /__tests/walk/%00 → 500',
      ]
    )
    const writes = walker.failures
      .filter((failure) => failure.startsWith('guest POST'))
      .map((failure) => failure.replace(/ \{.* wrote /, ' wrote '))
    assert.deepEqual(
      writes,
      input.bodies.slice(1).map(() => 'guest POST /__tests/walk wrote {"activities":1,"groups":1}')
    )
  })

  for (const visitor of VISITORS) {
    test(`every route answers the ${visitor} below 500 and writes nothing`, async ({
      client,
      assert,
    }) => {
      const [started, cpu] = [performance.now(), process.cpuUsage()]
      const { sessions, tables, baseline, calls, input } = plan
      const walker = new RouteWalker(client, visitor, sessions[visitor], tables, baseline)

      for (const call of calls) await walker.walk(call, input)

      const routes = new Set(calls.map((call) => `${call.method} ${call.pattern}`)).size
      const { user, system } = process.cpuUsage(cpu)
      const { control, params, query, body } = walker.sent
      console.info(
        `  route walk as ${visitor}: ${routes} routes, ${calls.length} calls ` +
          `(${walker.opened} let in), ${walker.requests} requests (${control} controls, ` +
          `${params} hostile parameters, ${query} hostile queries, ${body} hostile bodies) in ` +
          `${seconds(performance.now() - started)} s (${seconds((user + system) / 1000)} s of CPU)`
      )
      assert.isAbove(routes, 60)
      assert.deepEqual(walker.failures, [])
    }).timeout(300_000)
  }
})
