import { test } from '@japa/runner'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import SeedLarge from '#commands/seed_large'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import { BENCH_PASSWORD, type LargeSeedSummary, benchEmail } from '#sample_data/large_seed'
import { LABELS_PER_PROJECT } from '#sample_data/large_seed_writer'
import { LARGE_SEED_TABLES } from '#sample_data/large_seed_options'

async function rowCount(table: string) {
  const [{ total }] = await db.from(table).count('* as total')
  return Number(total)
}

async function activitiesByType() {
  const rows = await db
    .from('activities')
    .groupBy('subject_type', 'action')
    .select('subject_type', 'action')
    .count('* as total')
  return Object.fromEntries(
    rows.map((row) => [`${row.subject_type} ${row.action}`, Number(row.total)])
  )
}

async function seed(args: string[]) {
  const command = await ace.create(SeedLarge, args)
  await command.exec()
  return command
}

test.group('Commands | seed:large', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('writes the exact rows asked for, each with its created entry', async ({ assert }) => {
    const command = await seed(['--projects', '2', '--tasks', '30', '--comments', '2'])

    command.assertSucceeded()
    assert.equal(await rowCount('users'), 100)
    assert.equal(await rowCount('projects'), 2)
    assert.equal(await rowCount('project_members'), 2 * 5)
    assert.equal(await rowCount('labels'), 2 * LABELS_PER_PROJECT)
    assert.equal(await rowCount('tasks'), 2 * 30)
    assert.equal(await rowCount('comments'), 2 * 30 * 2)
    assert.deepEqual(await activitiesByType(), {
      'project created': 2,
      'project_member created': 10,
      'label created': 12,
      'task created': 60,
      'comment created': 120,
    })

    const taskLabels = await db
      .from('task_labels')
      .join('tasks', 'tasks.id', 'task_labels.task_id')
      .join('labels', 'labels.id', 'task_labels.label_id')
      .select('task_labels.task_id', 'tasks.project_id', 'labels.project_id as label_project_id')
    assert.isAbove(taskLabels.length, 0)
    for (const row of taskLabels) assert.equal(row.project_id, row.label_project_id)
    const perTask = await db.from('task_labels').groupBy('task_id').count('* as total')
    assert.isAtMost(Math.max(...perTask.map((row) => Number(row.total))), 2)

    const summary = command.result as LargeSeedSummary
    for (const table of LARGE_SEED_TABLES) {
      assert.equal(summary.totals[table].rows, await rowCount(table), table)
    }
  })

  test('records tasks and comments the way the activity recorder does', async ({ assert }) => {
    await seed(['--projects', '1', '--tasks', '3', '--comments', '1'])

    const task = await db.from('tasks').orderBy('id').firstOrFail()
    const entry = await db
      .from('activities')
      .where({ subject_type: 'task', subject_id: String(task.id) })
      .firstOrFail()
    const changes = JSON.parse(entry.changes)
    assert.deepEqual(Object.keys(changes), [
      'project_id',
      'title',
      'description',
      'status',
      'priority',
      'assignee_id',
      'due_on',
      'created_at',
      'id',
    ])
    assert.deepEqual(changes.title, [null, task.title])
    assert.deepEqual(changes.id, [null, task.id])
    assert.equal(Number(entry.project_id), Number(task.project_id))
    assert.equal(entry.action, 'created')
    assert.match(changes.created_at[1], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000[+-]\d\d:\d\d$/)

    const comment = await db.from('comments').where('task_id', task.id).firstOrFail()
    const commentEntry = await db
      .from('activities')
      .where({ subject_type: 'comment', subject_id: String(comment.id) })
      .firstOrFail()
    assert.deepEqual(JSON.parse(commentEntry.changes).body, [null, comment.body])
    assert.equal(Number(commentEntry.actor_id), Number(comment.author_id))
  })

  test('makes bench user 1 the owner of the first project, able to log in', async ({ assert }) => {
    const command = await seed(['--projects', '2', '--tasks', '1', '--comments', '0'])

    const first = await db.from('projects').orderBy('id').firstOrFail()
    command.assertLogMatches(
      new RegExp(`member1@bench\\.atrium\\.test owns project ${first.id}\\.`)
    )
    const user = await User.verifyCredentials(benchEmail(1), BENCH_PASSWORD)
    assert.isTrue(user.isActive)
    assert.isNotNull(user.emailVerifiedAt)
    const membership = await db
      .from('project_members')
      .where({ project_id: first.id, user_id: user.id })
      .firstOrFail()
    assert.equal(membership.role, 'owner')
  })

  test('appends the same projects again on a second run, reusing the users', async ({ assert }) => {
    await seed(['--projects', '1', '--tasks', '4', '--comments', '1'])
    const again = await seed(['--projects', '1', '--tasks', '4', '--comments', '1'])

    again.assertSucceeded()
    again.assertLogMatches(/Bench users: 0 created, 100 reused/)
    assert.equal(await rowCount('users'), 100)
    const projects = await db.from('projects').orderBy('id').select('id', 'owner_id', 'name')
    assert.lengthOf(projects, 2)
    const member1 = await User.findByOrFail('email', benchEmail(1))
    assert.deepEqual(
      projects.map((project) => Number(project.owner_id)),
      [member1.id, member1.id]
    )
    assert.equal(projects[0].name, projects[1].name)

    const titles = async (projectId: number) => {
      const tasks = await db.from('tasks').where('project_id', projectId).orderBy('id')
      return tasks.map((task) => [task.title, task.status, task.priority, task.due_on])
    }
    assert.deepEqual(await titles(projects[1].id), await titles(projects[0].id))
    assert.equal(await rowCount('activities'), 2 * (1 + 5 + LABELS_PER_PROJECT + 4 + 4))
  })

  test('refuses to run in production unless forced', async ({ assert, cleanup }) => {
    Object.defineProperty(app, 'inProduction', { value: true, configurable: true })
    cleanup(() => {
      delete (app as { inProduction?: boolean }).inProduction
    })

    const refused = await seed(['--projects', '1', '--tasks', '1'])
    refused.assertFailed()
    refused.assertLogMatches(/not meant for production; pass --force to run it anyway/)
    assert.equal(await rowCount('users'), 0)

    const forced = await seed(['--projects', '1', '--tasks', '1', '--force'])
    forced.assertSucceeded()
    assert.equal(await rowCount('projects'), 1)
  })

  test('refuses a count out of range and writes nothing', async ({ assert }) => {
    const cases: [string[], RegExp][] = [
      [['--projects', '0'], /projects \(--projects\) must be a whole number of at least 1, got 0/],
      [['--projects=-3'], /projects \(--projects\) must be a whole number of at least 1, got -3/],
      [['--tasks', '2.5'], /tasks per project \(--tasks\) must be a whole number .* got 2\.5/],
      [['--members', '0'], /members per project \(--members\) must be .* at least 1, got 0/],
      [['--users', '3'], /bench users \(--users 3\) cannot be fewer than the members/],
    ]
    for (const [args, message] of cases) {
      const command = await seed(args)
      command.assertFailed()
      command.assertLogMatches(message)
    }

    await assert.rejects(
      () => ace.create(SeedLarge, ['--projects', 'many']),
      'Invalid value. The "projects" flag accepts a "numeric" value'
    )
    assert.equal(await rowCount('users'), 0)
    assert.equal(await rowCount('projects'), 0)
    assert.equal(await rowCount('activities'), 0)
  })
})
