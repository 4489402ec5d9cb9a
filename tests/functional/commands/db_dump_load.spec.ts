import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { existsSync } from 'node:fs'
import { lstat, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import string from '@adonisjs/core/helpers/string'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import DbDump from '#commands/db_dump'
import DbLoad from '#commands/db_load'
import Task from '#models/task'
import Group from '#models/group'
import Comment from '#models/comment'
import Permission from '#models/permission'
import UserSession from '#models/user_session'
import ProjectInvitation from '#models/project_invitation'
import { foreignKeysOf, primaryKeyOf } from '#fixtures/table_catalog'
import { type ProjectCast, projectWithCast } from '#tests/helpers/projects'
import { appModels, pivotTablesOf } from '#introspection/app_models'

/** Tables of models whose rows mean something only where they were issued: dumped when named. */
const TRANSIENT_TABLES = ['user_sessions', 'password_reset_tokens']

/**
 * The tables `db:dump` writes when no model is named, each once, in no particular order: the
 * table of every model in app/models but sessions and reset tokens, and their many-to-many
 * tables (a join table with a model of its own, like project_members, is one table). Found now,
 * so a model that `make:resource` adds is expected too.
 */
async function defaultTables(): Promise<string[]> {
  const models = await appModels()
  const tables = models.map((model) => model.table)
  const kept = tables.filter((table) => !TRANSIENT_TABLES.includes(table))
  return [...new Set([...kept, ...pivotTablesOf(models)])]
}

/** The names `db:dump` and `db:load` know: each model's in snake case, each join table's. */
async function knownNames(): Promise<string[]> {
  const models = await appModels()
  return [...models.map((model) => string.snakeCase(model.name)), ...pivotTablesOf(models)]
}

type FixtureJson = {
  format: unknown
  version: unknown
  tables: { table: string; key: string[]; rows: Record<string, unknown>[] }[]
}

const scratch = app.makePath('tmp', 'fixtures_tests')

function scratchFile() {
  return `${scratch}/${randomUUID()}.json`
}

/** Every row of `tables` (by default, those dumped by default), in primary key order. */
async function snapshot(tables?: string[]) {
  const rows: Record<string, Record<string, unknown>[]> = {}
  for (const table of tables ?? (await defaultTables())) {
    const query = db.from(table).select('*')
    for (const column of await primaryKeyOf(db.connection(), table)) query.orderBy(column)
    rows[table] = await query
  }
  return rows
}

function rowCount(rows: Record<string, unknown[]>) {
  return Object.values(rows).reduce((total, tableRows) => total + tableRows.length, 0)
}

/**
 * A project with its cast, plus a row in each table of the app's own models that `db:dump` writes
 * by default (the table of a model added since stays empty).
 */
async function someData(): Promise<ProjectCast> {
  const cast = await projectWithCast()
  const { task, label, users } = cast
  await task.merge({ dueOn: DateTime.fromISO('2026-03-14'), assigneeId: users.editor.id }).save()
  await task.related('labels').attach([label.id])
  await Comment.create({ taskId: task.id, authorId: users.owner.id, body: 'Fuel checked' })
  await ProjectInvitation.create({
    projectId: cast.project.id,
    email: 'guest@example.com',
    role: 'viewer',
    tokenHash: 'a'.repeat(64),
    invitedById: users.owner.id,
    expiresAt: DateTime.now().plus({ days: 7 }),
  })
  const permission = await Permission.create({ codename: 'fixture.view', name: 'Can view' })
  const group = await Group.create({ name: 'Fixture editors' })
  await group.related('permissions').attach([permission.id])
  await users.editor.related('groups').attach([group.id])
  await users.viewer.related('permissions').attach([permission.id])
  await users.owner.merge({ isStaff: true }).save()
  return cast
}

async function dump(argv: string[]) {
  const command = await ace.create(DbDump, argv)
  await command.exec()
  return command
}

async function load(argv: string[]) {
  const command = await ace.create(DbLoad, argv)
  await command.exec()
  return command
}

/** What `db:dump` writes by default, parsed. */
async function dumpedFixture(): Promise<FixtureJson> {
  const file = scratchFile()
  const command = await dump(['--output', file])
  command.assertSucceeded()
  return JSON.parse(await readFile(file, 'utf8'))
}

async function loadText(text: string, argv: string[] = []) {
  const file = scratchFile()
  await writeFile(file, text)
  return load([file, ...argv])
}

function rowsOf(fixture: FixtureJson, table: string) {
  return fixture.tables.find((entry) => entry.table === table)!.rows
}

function rowOf(fixture: FixtureJson, table: string, id: number) {
  return rowsOf(fixture, table).find((row) => row.id === id)!
}

/**
 * Changes that a load would write before it reaches the tasks: a refused file must leave them
 * unwritten too.
 */
function withEarlierChanges(fixture: FixtureJson, { project, users }: ProjectCast) {
  rowOf(fixture, 'users', users.owner.id).full_name = 'Renamed by the file'
  rowOf(fixture, 'projects', project.id).name = 'Renamed by the file'
}

test.group('Commands | db:dump and db:load', (group) => {
  group.setup(async () => {
    await mkdir(scratch, { recursive: true })
    return () => rm(scratch, { recursive: true, force: true })
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('a dump loaded into emptied tables gives back exactly the same rows', async ({ assert }) => {
    await someData()
    const before = await snapshot()
    const file = scratchFile()
    const tables = Object.keys(before).length

    const dumped = await dump(['--output', file])
    dumped.assertSucceeded()
    dumped.assertLogMatches(new RegExp(`Dumped ${tables} tables, ${rowCount(before)} rows to `))

    const fixture: FixtureJson = JSON.parse(await readFile(file, 'utf8'))
    for (const { table } of fixture.tables.toReversed()) await db.from(table).delete()
    assert.equal(rowCount(await snapshot()), 0)

    const loaded = await load([file])
    loaded.assertSucceeded()
    const total = rowCount(before)
    loaded.assertLogMatches(
      new RegExp(
        `Loaded ${tables} tables, ${total} rows \\(${total} new, 0 updated, 0 unchanged\\)`
      )
    )
    assert.deepEqual(await snapshot(), before)
  })

  test('writes parents first, key order, and JSON booleans, dates and UTC timestamps', async ({
    assert,
  }) => {
    const { task, users } = await someData()
    const fixture = await dumpedFixture()

    assert.equal(fixture.format, 'atrium-fixtures')
    assert.equal(fixture.version, 1)
    const order = fixture.tables.map((entry) => entry.table)
    const expected = await defaultTables()
    assert.deepEqual(order.toSorted(), expected.sort())
    const beforeTheirParents: string[] = []
    for (const [position, table] of order.entries()) {
      for (const { table: parent } of await foreignKeysOf(db.connection(), table)) {
        if (parent !== table && order.indexOf(parent) > position) {
          beforeTheirParents.push(`${table} before ${parent}`)
        }
      }
    }
    assert.deepEqual(beforeTheirParents, [])
    assert.deepEqual(fixture.tables.find((entry) => entry.table === 'task_labels')!.key, [
      'task_id',
      'label_id',
    ])
    const userIds = rowsOf(fixture, 'users').map((row) => row.id)
    assert.deepEqual(
      userIds,
      [...userIds].sort((a, b) => Number(a) - Number(b))
    )
    const owner = rowsOf(fixture, 'users').find((row) => row.id === users.owner.id)!
    assert.strictEqual(owner.is_staff, true)
    assert.strictEqual(owner.is_superuser, false)
    assert.match(String(owner.created_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    const createdAt = DateTime.fromISO(String(owner.created_at))
    assert.isBelow(Math.abs(createdAt.diff(users.owner.createdAt).milliseconds), 1000)
    const taskRow = rowOf(fixture, 'tasks', task.id)
    assert.include(taskRow, { id: task.id, due_on: '2026-03-14', status: 'todo', priority: 1 })
    assert.match(String(taskRow.updated_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  test('loading a file again changes nothing, and puts back what changed since', async ({
    assert,
  }) => {
    const { task } = await someData()
    const file = scratchFile()
    const dumped = await dump(['--output', file])
    dumped.assertSucceeded()
    const before = await snapshot()

    const again = await load([file])
    again.assertSucceeded()
    again.assertLogMatches(
      new RegExp(
        `Loaded ${Object.keys(before).length} tables, (\\d+) rows \\(0 new, 0 updated, \\1 unchanged\\)`
      )
    )
    assert.deepEqual(await snapshot(), before)

    await db.from('tasks').where('id', task.id).update({ title: 'Changed since', priority: 3 })
    const restore = await load([file])
    restore.assertSucceeded()
    restore.assertLogMatches(/\(0 new, 1 updated, \d+ unchanged\)/)
    assert.deepEqual(await snapshot(), before)
  })

  test('records created after a load get ids after the loaded ones', async ({ assert }) => {
    const { project, task } = await someData()
    const fixture = await dumpedFixture()
    const loadedId = task.id + 500
    rowsOf(fixture, 'tasks').push({ ...rowOf(fixture, 'tasks', task.id), id: loadedId })

    const loaded = await loadText(JSON.stringify(fixture))
    loaded.assertSucceeded()
    const next = await Task.create({ projectId: project.id, title: 'After the load', version: 1 })

    assert.isAbove(next.id, loadedId)
  })

  test('--dry-run tries the whole load and keeps nothing', async ({ assert }) => {
    const cast = await someData()
    const fixture = await dumpedFixture()
    withEarlierChanges(fixture, cast)
    const before = await snapshot()

    const command = await loadText(JSON.stringify(fixture), ['--dry-run'])

    command.assertSucceeded()
    command.assertLogMatches(
      new RegExp(
        `Dry run: .+ would load ${fixture.tables.length} tables, \\d+ rows \\(0 new, 2 updated, \\d+ unchanged\\); nothing was written`
      )
    )
    assert.deepEqual(await snapshot(), before)
  })

  test('dumps only the named models, parents first', async ({ assert }) => {
    await someData()
    const file = scratchFile()

    const command = await dump(['task', 'project', '--output', file])

    command.assertSucceeded()
    const { projects, tasks } = await snapshot(['projects', 'tasks'])
    command.assertLogMatches(
      new RegExp(
        `Dumped 2 tables, ${projects.length + tasks.length} rows to .+ \\(projects ${projects.length}, tasks ${tasks.length}\\)`
      )
    )
    const fixture: FixtureJson = JSON.parse(await readFile(file, 'utf8'))
    assert.deepEqual(
      fixture.tables.map((entry) => [entry.table, entry.rows.map((row) => row.id)]),
      [
        ['projects', projects.map((row) => row.id)],
        ['tasks', tasks.map((row) => row.id)],
      ]
    )
  })

  test('dumps sessions and reset tokens only when they are named', async ({ assert }) => {
    const { users } = await someData()
    const session = await UserSession.create({
      userId: users.owner.id,
      keyHash: 'b'.repeat(64),
      lastSeenAt: DateTime.now(),
    })

    const everything = await dumpedFixture()
    assert.notInclude(
      everything.tables.map((entry) => entry.table),
      'user_sessions'
    )

    const file = scratchFile()
    const command = await dump(['user_session', '--output', file])
    command.assertSucceeded()
    const sessions: FixtureJson = JSON.parse(await readFile(file, 'utf8'))
    assert.deepEqual(
      sessions.tables.map((entry) => entry.table),
      ['user_sessions']
    )
    assert.equal(rowOf(sessions, 'user_sessions', session.id).key_hash, 'b'.repeat(64))
  })

  test('writes to standard output without --output or with "-"', async ({ assert }) => {
    const { label } = await someData()
    for (const argv of [['label'], ['label', '--output=-'], ['label', '-o', '-']]) {
      const command = await ace.create(DbDump, argv)
      const output = new PassThrough()
      const written = output.toArray()
      command.stdout = output
      await command.exec()
      output.end()

      command.assertSucceeded()
      const chunks = await written
      const fixture: FixtureJson = JSON.parse(chunks.join(''))
      assert.deepEqual(
        fixture.tables.map((entry) => entry.table),
        ['labels']
      )
      assert.deepEqual(rowOf(fixture, 'labels', label.id), {
        id: label.id,
        project_id: label.projectId,
        name: 'bug',
        color: '#dc2626',
      })
    }
  })

  test('writes through a path that is not a regular file, and leaves it what it was', async ({
    assert,
  }) => {
    const { label } = await someData()
    const target = scratchFile()
    const link = scratchFile()
    await writeFile(target, 'older contents')
    await symlink(target, link)

    const command = await dump(['label', '--output', link])

    command.assertSucceeded()
    const written = await lstat(link)
    assert.isTrue(written.isSymbolicLink())
    const fixture: FixtureJson = JSON.parse(await readFile(target, 'utf8'))
    assert.equal(rowOf(fixture, 'labels', label.id).name, 'bug')
  })

  test('refuses an unknown model name and writes no file', async ({ assert }) => {
    const file = scratchFile()

    const command = await dump(['project', 'widget', '--output', file])

    command.assertFailed()
    const logged = command.logger.getLogs().map((log) => log.message)
    const known = logged
      .map((message) => /Unknown model "widget"\. Known: (.+)$/.exec(message)?.[1])
      .filter((list) => list !== undefined)
      .map((list) => list.split(', ').sort())
    const names = await knownNames()
    assert.deepEqual(known, [names.sort()])
    assert.isFalse(existsSync(file))
    assert.isFalse(existsSync(`${file}.partial`))
  })

  test('a file that cannot be read is refused', async () => {
    const command = await load([`${scratch}/missing.json`])

    command.assertFailed()
    command.assertLogMatches(/Cannot read .+missing\.json: ENOENT/)
  })

  /**
   * Where the records of the cast are in a dump's lists and how many tasks it has; where the tasks
   * are among its tables, and how many tables it has.
   */
  type Places = { task: number; editor: number; tasks: number; tasksTable: number; tables: number }

  /** Files that must be refused whole: each spoils a good dump, and names the record at fault. */
  const REFUSALS: {
    name: string
    spoil: (fixture: FixtureJson, cast: ProjectCast) => FixtureJson | string
    message: (cast: ProjectCast, at: Places) => RegExp
  }[] = [
    {
      name: 'a value of the wrong type',
      spoil: (fixture, { task }) => {
        rowOf(fixture, 'tasks', task.id).status = 3
        return fixture
      },
      message: ({ task }, at) =>
        new RegExp(
          `tasks\\[${at.task}\\] \\(id ${task.id}\\): column "status": expected text, got 3`
        ),
    },
    {
      name: 'a timestamp without its offset',
      spoil: (fixture, { task }) => {
        rowOf(fixture, 'tasks', task.id).created_at = '2026-01-31 09:30:00'
        return fixture
      },
      message: ({ task }, at) =>
        new RegExp(
          `tasks\\[${at.task}\\] \\(id ${task.id}\\): column "created_at": expected an ISO 8601 timestamp`
        ),
    },
    {
      name: 'an unknown table',
      spoil: (fixture) => {
        fixture.tables.push({ table: 'widgets', key: ['id'], rows: [] })
        return fixture
      },
      message: (_cast, at) => new RegExp(`tables\\[${at.tables}\\]: unknown table "widgets"`),
    },
    {
      name: 'an unknown column',
      spoil: (fixture, { task }) => {
        rowOf(fixture, 'tasks', task.id).colour = 'red'
        return fixture
      },
      message: ({ task }, at) =>
        new RegExp(`tasks\\[${at.task}\\] \\(id ${task.id}\\): column "colour": does not exist`),
    },
    {
      name: 'a row without its key',
      spoil: (fixture, { task }) => {
        delete rowOf(fixture, 'tasks', task.id).id
        return fixture
      },
      message: (_cast, at) => new RegExp(`tasks\\[${at.task}\\]: the key column "id" is missing`),
    },
    {
      name: 'a row without a required column',
      spoil: (fixture, { task }) => {
        delete rowOf(fixture, 'tasks', task.id).title
        return fixture
      },
      message: ({ task }, at) =>
        new RegExp(`tasks\\[${at.task}\\] \\(id ${task.id}\\): column "title" is required`),
    },
    {
      name: 'two rows with the same key',
      spoil: (fixture, { task }) => {
        rowsOf(fixture, 'tasks').push({ ...rowOf(fixture, 'tasks', task.id) })
        return fixture
      },
      message: ({ task }, at) =>
        new RegExp(
          `tasks\\[${at.tasks}\\] \\(id ${task.id}\\): the same key as tasks\\[${at.task}\\]`
        ),
    },
    {
      name: 'a key that is not the primary key',
      spoil: (fixture) => {
        fixture.tables.find((entry) => entry.table === 'tasks')!.key = ['title']
        return fixture
      },
      message: (_cast, at) =>
        new RegExp(
          `tables\\[${at.tasksTable}\\] \\("tasks"\\): "key" must be the primary key \\["id"\\], got \\["title"\\]`
        ),
    },
    {
      name: 'a row whose parent is missing',
      spoil: (fixture, { task }) => {
        const tasks = rowsOf(fixture, 'tasks')
        tasks.push({ ...rowOf(fixture, 'tasks', task.id), id: task.id + 1, project_id: 999999 })
        return fixture
      },
      message: ({ task }, at) =>
        new RegExp(
          `tasks\\[${at.tasks}\\] \\(id ${task.id + 1}\\): column "project_id": no row of "projects" has id 999999`
        ),
    },
    {
      name: 'a value the database refuses',
      spoil: (fixture, { task }) => {
        rowOf(fixture, 'tasks', task.id).status = 'blocked'
        return fixture
      },
      message: ({ task }, at) =>
        new RegExp(`tasks\\[${at.task}\\] \\(id ${task.id}\\): .*check constraint`, 'i'),
    },
    {
      name: 'a unique value another row has',
      spoil: (fixture, { users }) => {
        rowOf(fixture, 'users', users.editor.id).email = users.viewer.email
        return fixture
      },
      message: ({ users }, at) =>
        new RegExp(`users\\[${at.editor}\\] \\(id ${users.editor.id}\\): .*unique`, 'i'),
    },
    {
      name: 'a file cut short',
      spoil: (fixture) => {
        const text = JSON.stringify(fixture, null, 2)
        return text.slice(0, Math.floor(text.length * 0.6))
      },
      message: () => /Not valid JSON: /,
    },
    {
      name: 'a file of another format',
      spoil: (fixture) => ({ ...fixture, format: 'django', version: 2 }),
      message: () => /"format": expected "atrium-fixtures", got "django"/,
    },
  ]

  for (const refusal of REFUSALS) {
    test(`refuses ${refusal.name}, names the record and changes nothing`, async ({ assert }) => {
      const cast = await someData()
      const fixture = await dumpedFixture()
      const at: Places = {
        task: rowsOf(fixture, 'tasks').findIndex((row) => row.id === cast.task.id),
        editor: rowsOf(fixture, 'users').findIndex((row) => row.id === cast.users.editor.id),
        tasks: rowsOf(fixture, 'tasks').length,
        tasksTable: fixture.tables.findIndex((entry) => entry.table === 'tasks'),
        tables: fixture.tables.length,
      }
      withEarlierChanges(fixture, cast)
      const spoiled = refusal.spoil(fixture, cast)
      const before = await snapshot()

      const command = await loadText(
        typeof spoiled === 'string' ? spoiled : JSON.stringify(spoiled)
      )

      command.assertFailed()
      command.assertLogMatches(/was not loaded, nothing changed:/)
      command.assertLogMatches(refusal.message(cast, at))
      assert.deepEqual(await snapshot(), before)
    })
  }
})
