import { test } from '@japa/runner'
import { recordQueries } from '#tests/helpers/queries'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import type Project from '#models/project'
import { AdminSite } from '#admin/admin_site'
import { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import { InvalidChangeListQueryException } from '#admin/exceptions'
import { TaskAdmin } from '#admin/models/task_admin'
import { COUNT_BOUND, countRows, estimatedRows } from '#admin/counts'
import { matchingRows } from '#admin/change_list_query'
import { buildChangeList, changeListFilters, readChangeListState } from '#admin/change_list'
import { createProject } from '#services/projects/projects'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'

/** The task admin with two rows a page, on a site of its own. */
class TwoPerPageTaskAdmin extends TaskAdmin {
  perPage = 2
}

async function superuserContext(): Promise<AdminContext> {
  const user = await UserFactory.apply('superuser').create()
  return new AdminContext(user, new Set())
}

/** The app's task admin, as a fresh site registers it. */
function taskAdmin(): ModelAdmin {
  return new AdminSite().register(Task, TaskAdmin)
}

/** The state the admin reads from `query`, or the refusal it throws (null when it accepts). */
async function refusalOf(admin: ModelAdmin, ctx: AdminContext, query: Record<string, unknown>) {
  const filters = await changeListFilters(admin, ctx)
  try {
    await readChangeListState({ admin, ctx, query, filters })
  } catch (error) {
    return error as InvalidChangeListQueryException
  }
  throw new Error(`Expected ${JSON.stringify(query)} to be refused, it was accepted`)
}

/** One page of the change list that `query` asks for. */
async function changeList(admin: ModelAdmin, ctx: AdminContext, query: Record<string, unknown>) {
  const filters = await changeListFilters(admin, ctx)
  const state = await readChangeListState({ admin, ctx, query, filters })
  return buildChangeList({ admin, ctx, state, filters })
}

/** The first cell (the title) of each row. */
function titles(list: Awaited<ReturnType<typeof changeList>>) {
  return list.rows.map((row) => row.cells[0])
}

/** Tasks of `project` with these titles, created in order (status "todo" unless told). */
async function tasksOf(project: Project, specs: (string | { title: string; status: string })[]) {
  const tasks: Task[] = []
  for (const spec of specs) {
    const { title, status } = typeof spec === 'string' ? { title: spec, status: 'todo' } : spec
    tasks.push(
      await Task.create({
        projectId: project.id,
        title,
        status: status as Task['status'],
        priority: 0,
        version: 1,
      })
    )
  }
  return tasks
}

/**
 * Makes the database's statistics say `table` holds `rows` rows, as ANALYZE of a table that
 * size would, or that it was never analyzed (null): SQLite's sqlite_stat1, PostgreSQL's
 * pg_class.reltuples (-1 when never analyzed; writing it needs a superuser role). Inside the
 * test's global transaction, so it is rolled back with the test.
 */
async function fakeEstimate(table: string, rows: number | null) {
  const connection = db.connection()
  if (connection.dialect.name === 'postgres') {
    await connection.rawQuery('update pg_class set reltuples = ? where oid = to_regclass(?)', [
      rows ?? -1,
      table,
    ])
    return
  }
  await connection.rawQuery('analyze')
  await connection.from('sqlite_stat1').where('tbl', table).delete()
  if (rows !== null) {
    await connection.table('sqlite_stat1').insert({ tbl: table, idx: null, stat: `${rows} 1` })
  }
}

/** Inserts `count` todo tasks "Bulk 1", "Bulk 2"... into `project` with one statement. */
async function bulkTasks(project: Project, count: number) {
  await db.rawQuery(
    `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
     insert into tasks (project_id, title, description, status, priority, version, created_at, updated_at)
     select ?, 'Bulk ' || i, '', 'todo', 0, 1, ?, ? from n`,
    [count, project.id, '2024-01-01 00:00:00', '2024-01-01 00:00:00']
  )
}

test.group('Admin change list | refused queries', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unknown sort field is refused naming it', async ({ assert }) => {
    const error = await refusalOf(taskAdmin(), await superuserContext(), { sort: 'nope' })

    assert.instanceOf(error, InvalidChangeListQueryException)
    assert.equal(error.status, 400)
    assert.equal(error.code, 'E_ADMIN_INVALID_QUERY')
    assert.equal(error.message, 'Tasks cannot be sorted by "nope".')
    assert.equal(error.listUrl, '/admin/tasks')
  })

  test('a displayed field left out of sortableFields is refused', async ({ assert }) => {
    const error = await refusalOf(taskAdmin(), await superuserContext(), {
      sort: 'title,-project.name',
    })

    assert.equal(error.status, 400)
    assert.equal(error.message, 'Tasks cannot be sorted by "project.name".')
  })

  test('an existing column that is not sortable is refused', async ({ assert }) => {
    const error = await refusalOf(taskAdmin(), await superuserContext(), { sort: '-description' })

    assert.equal(error.message, 'Tasks cannot be sorted by "description".')
  })

  test('an unknown filter parameter is refused naming it', async ({ assert }) => {
    const error = await refusalOf(taskAdmin(), await superuserContext(), { colour: 'red' })

    assert.equal(error.status, 400)
    assert.equal(error.code, 'E_ADMIN_INVALID_QUERY')
    assert.equal(error.message, 'Tasks have no filter "colour".')
  })

  test('a value that is not among the choices of a filter is refused', async ({ assert }) => {
    const error = await refusalOf(taskAdmin(), await superuserContext(), { status: 'nope' })

    assert.equal(error.status, 400)
    assert.equal(error.message, '"nope" is not a choice of the filter "status".')
  })

  test('a relation filter refuses a value that is not an id', async ({ assert }) => {
    const error = await refusalOf(taskAdmin(), await superuserContext(), { project: '1 or 1=1' })

    assert.equal(error.message, '"1 or 1=1" is not a choice of the filter "project".')
  })

  test('a page that is not a whole number from 1 to 10000 is refused', async ({ assert }) => {
    const admin = taskAdmin()
    const ctx = await superuserContext()
    const messages: string[] = []
    for (const page of ['two', '0', '-1', '1.5', '1e3', '10001', '99999999999999999999']) {
      const error = await refusalOf(admin, ctx, { page })
      messages.push(error.message)
    }

    assert.deepEqual(messages, [
      '"two" is not a page number from 1 to 10000.',
      '"0" is not a page number from 1 to 10000.',
      '"-1" is not a page number from 1 to 10000.',
      '"1.5" is not a page number from 1 to 10000.',
      '"1e3" is not a page number from 1 to 10000.',
      '"10001" is not a page number from 1 to 10000.',
      '"99999999999999999999" is not a page number from 1 to 10000.',
    ])
  })

  test('a parameter given twice is refused naming it', async ({ assert }) => {
    const admin = taskAdmin()
    const ctx = await superuserContext()
    const messages: string[] = []
    for (const name of ['sort', 'page', 'q', 'status']) {
      const error = await refusalOf(admin, ctx, { [name]: ['1', '2'] })
      messages.push(error.message)
    }

    assert.deepEqual(messages, [
      'The parameter "sort" must appear once.',
      'The parameter "page" must appear once.',
      'The parameter "q" must appear once.',
      'The parameter "status" must appear once.',
    ])
  })

  test('a refused query answers a JSON request with 400 and the message', async ({ client }) => {
    const superuser = await UserFactory.apply('superuser').create()

    const response = await client
      .get('/admin/tasks')
      .qs({ status: 'nope' })
      .header('Accept', 'application/json')
      .loginAs(superuser)

    response.assertStatus(400)
    response.assertBody({
      errors: [
        {
          message: '"nope" is not a choice of the filter "status".',
          code: 'E_ADMIN_INVALID_QUERY',
        },
      ],
    })
  })

  test('a refused query sends a page back to the plain list with the message', async ({
    client,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()

    const response = await client
      .get('/admin/tasks')
      .qs({ sort: 'nope' })
      .redirects(0)
      .loginAs(superuser)

    response.assertStatus(302)
    response.assertHeader('location', '/admin/tasks')
    response.assertFlashMessage('error', 'Tasks cannot be sorted by "nope".')
  })
})

test.group('Admin change list | accepted queries', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no parameter reads as the first page in the admin ordering', async ({ assert }) => {
    const admin = taskAdmin()
    const ctx = await superuserContext()

    const filters = await changeListFilters(admin, ctx)

    const state = await readChangeListState({ admin, ctx, query: {}, filters })

    assert.deepEqual(state, {
      search: '',
      sort: [{ path: 'id', descending: true }],
      page: 1,
      filters: {},
    })
  })

  test('valid search, sort, page and filters read as they are', async ({ assert }) => {
    const { project } = await projectWithCast()
    const admin = taskAdmin()
    const ctx = await superuserContext()

    const state = await readChangeListState({
      admin,
      ctx,
      query: {
        q: 'fuel',
        sort: '-priority,title',
        page: '3',
        status: 'done',
        project: String(project.id),
      },
      filters: await changeListFilters(admin, ctx),
    })

    assert.deepEqual(state, {
      search: 'fuel',
      sort: [
        { path: 'priority', descending: true },
        { path: 'title', descending: false },
      ],
      page: 3,
      filters: { status: 'done', project: String(project.id) },
    })
  })

  test('a search is cut to 200 characters', async ({ assert }) => {
    const admin = taskAdmin()
    const ctx = await superuserContext()

    const state = await readChangeListState({
      admin,
      ctx,
      query: { q: 'x'.repeat(250) },
      filters: await changeListFilters(admin, ctx),
    })

    assert.equal(state.search, 'x'.repeat(200))
  })
})

test.group('Admin change list | rows', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows attributes, choice labels and relation fields of each row, newest first', async ({
    assert,
  }) => {
    const { project, task, users } = await projectWithCast()
    task.assigneeId = users.editor.id
    await task.save()
    const [second] = await tasksOf(project, [{ title: 'Aim for the moon', status: 'done' }])
    const admin = taskAdmin()

    const list = await changeList(admin, await superuserContext(), {})

    assert.deepEqual(
      list.columns.map((column) => [column.name, column.label, column.type, column.sortParam]),
      [
        ['title', 'Title', 'text', 'title'],
        ['project.name', 'Project', 'text', null],
        ['status', 'Status', 'text', 'status'],
        ['priority', 'Priority', 'number', 'priority'],
        ['assignee.fullName', 'Assignee', 'text', null],
        ['dueOn', 'Due on', 'date', 'dueOn'],
        ['updatedAt', 'Updated at', 'datetime', 'updatedAt'],
      ]
    )
    assert.deepEqual(
      list.rows.map((row) => [row.id, row.url, ...row.cells.slice(0, 6)]),
      [
        [
          String(second.id),
          `/admin/tasks/${second.id}`,
          'Aim for the moon',
          'Apollo',
          'Done',
          0,
          null,
          null,
        ],
        [
          String(task.id),
          `/admin/tasks/${task.id}`,
          'Check the fuel',
          'Apollo',
          'To do',
          1,
          users.editor.fullName,
          null,
        ],
      ]
    )
    assert.deepEqual(list.pagination, {
      page: 1,
      perPage: 50,
      count: { value: 2, kind: 'exact' },
      hasNext: false,
    })
  })

  test('searches titles without regard to case', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, ['Build the rocket', 'Paint the CHECKERED flag'])

    const list = await changeList(taskAdmin(), await superuserContext(), { q: 'cHeCk' })

    assert.deepEqual(titles(list), ['Paint the CHECKERED flag', 'Check the fuel'])
    assert.deepEqual(list.pagination.count, { value: 2, kind: 'exact' })
    assert.deepEqual(list.params, { q: 'cHeCk' })
  })

  test('a search treats % literally', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, ['100% done', '1000 done', '10 % off'])

    const list = await changeList(taskAdmin(), await superuserContext(), { q: '0%' })

    assert.deepEqual(titles(list), ['100% done'])
    assert.deepEqual(list.pagination.count, { value: 1, kind: 'exact' })
  })

  test('a search treats _ and \\ literally', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, ['snake_case', 'snakeXcase', 'back\\slash', 'backslash'])
    const admin = taskAdmin()
    const ctx = await superuserContext()

    assert.deepEqual(titles(await changeList(admin, ctx, { q: 'e_c' })), ['snake_case'])
    assert.deepEqual(titles(await changeList(admin, ctx, { q: 'k\\s' })), ['back\\slash'])
  })

  test('a numeric search field is refused at boot or searched as text, never failing on a search', async ({
    assert,
  }) => {
    class PrioritySearchAdmin extends TaskAdmin {
      searchFields = ['title', 'priority']
    }
    const site = new AdminSite()
    const admin = site.register(Task, PrioritySearchAdmin)
    const { project } = await projectWithCast()
    await Task.create({ projectId: project.id, title: 'Urgent', priority: 7, version: 1 })

    let bootError: unknown = null
    try {
      site.check()
    } catch (error) {
      bootError = error
    }
    if (bootError) {
      assert.include(String((bootError as Error).message), '"priority"')
      assert.include(String((bootError as Error).message), 'option "searchFields"')
      return
    }

    const list = await changeList(admin, await superuserContext(), { q: '7' })
    assert.deepEqual(titles(list), ['Urgent'])
  })

  test('a filter narrows the rows and the count', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, [
      { title: 'Launch', status: 'done' },
      { title: 'Land', status: 'in_progress' },
      { title: 'Orbit', status: 'done' },
    ])

    const list = await changeList(taskAdmin(), await superuserContext(), { status: 'done' })

    assert.deepEqual(titles(list), ['Orbit', 'Launch'])
    assert.deepEqual(list.pagination.count, { value: 2, kind: 'exact' })
    const status = list.filters.find((filter) => filter.param === 'status')
    assert.equal(status?.kind === 'choices' ? status.selected : undefined, 'done')
  })

  test('a relation filter keeps the rows of that project only', async ({ assert }) => {
    const { project, users } = await projectWithCast()
    const other = await createProject(users.owner, { name: 'Gemini', description: '' })
    await tasksOf(other, ['Dock', 'Spacewalk'])
    await tasksOf(project, ['Splash down'])

    const list = await changeList(taskAdmin(), await superuserContext(), {
      project: String(other.id),
    })

    assert.deepEqual(
      list.rows.map((row) => row.cells.slice(0, 2)),
      [
        ['Spacewalk', 'Gemini'],
        ['Dock', 'Gemini'],
      ]
    )
  })

  test('sorts by title ascending and descending', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, ['Build the rocket', 'Aim for the moon', 'Dock with the station'])
    const admin = taskAdmin()
    const ctx = await superuserContext()

    const ascending = await changeList(admin, ctx, { sort: 'title' })
    const descending = await changeList(admin, ctx, { sort: '-title' })

    const expected = [
      'Aim for the moon',
      'Build the rocket',
      'Check the fuel',
      'Dock with the station',
    ]
    assert.deepEqual(titles(ascending), expected)
    assert.deepEqual(titles(descending), [...expected].reverse())
    const title = (list: typeof ascending) => list.columns.find((column) => column.name === 'title')
    assert.deepInclude(title(ascending), { sorted: 'asc', sortParam: '-title' })
    assert.deepInclude(title(descending), { sorted: 'desc', sortParam: 'title' })
    assert.deepEqual(ascending.params, { sort: 'title' })
  })

  test('pages hold perPage rows and say whether another follows', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, ['Build the rocket', 'Aim for the moon', 'Dock with the station', 'Eat'])
    const admin = new AdminSite().register(Task, TwoPerPageTaskAdmin)
    const ctx = await superuserContext()

    const pages = []
    for (const page of ['1', '2', '3', '4']) {
      const list = await changeList(admin, ctx, { sort: 'title', page })
      pages.push({ titles: titles(list), ...list.pagination })
    }

    const count = { value: 5, kind: 'exact' }
    assert.deepEqual(pages, [
      {
        titles: ['Aim for the moon', 'Build the rocket'],
        page: 1,
        perPage: 2,
        count,
        hasNext: true,
      },
      {
        titles: ['Check the fuel', 'Dock with the station'],
        page: 2,
        perPage: 2,
        count,
        hasNext: true,
      },
      { titles: ['Eat'], page: 3, perPage: 2, count, hasNext: false },
      { titles: [], page: 4, perPage: 2, count, hasNext: false },
    ])
  })

  test('rows with equal sort values never repeat across pages', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, ['Same', 'Same', 'Same', 'Same'])
    const admin = new AdminSite().register(Task, TwoPerPageTaskAdmin)
    const ctx = await superuserContext()

    const ids: string[] = []
    for (const page of ['1', '2', '3']) {
      const list = await changeList(admin, ctx, { sort: 'status', page })
      ids.push(...list.rows.map((row) => row.id))
    }

    const all = await Task.query().orderBy('id')
    assert.sameMembers(
      ids,
      all.map((task) => String(task.id))
    )
    assert.lengthOf(ids, 5)
  })
})

test.group('Admin change list | counts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a table without statistics is counted exactly below the bound', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, ['Build the rocket', 'Dock'])
    await fakeEstimate('tasks', null)
    const state = { search: '', sort: [], page: 1, filters: {} }

    const count = await countRows({
      table: 'tasks',
      query: matchingRows({ admin: taskAdmin(), state, searchPaths: [], filters: [] }),
      filtered: false,
    })

    assert.isNull(await estimatedRows('tasks'))
    assert.deepEqual(count, { value: 3, kind: 'exact' })
  })

  test('a table without statistics and more rows than the bound reads as at least the bound', async ({
    assert,
  }) => {
    const { project } = await projectWithCast()
    await bulkTasks(project, COUNT_BOUND)
    await fakeEstimate('tasks', null)

    const list = await changeList(taskAdmin(), await superuserContext(), {})

    assert.deepEqual(list.pagination.count, { value: COUNT_BOUND, kind: 'atLeast' })
  })

  test('a small table is counted exactly, whatever its estimate says', async ({ assert }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, ['Build the rocket', 'Dock'])
    await fakeEstimate('tasks', 50)

    const list = await changeList(taskAdmin(), await superuserContext(), {})

    assert.equal(await estimatedRows('tasks'), 50)
    assert.deepEqual(list.pagination.count, { value: 3, kind: 'exact' })
  })

  test('the unfiltered list of a large table shows the estimate', async ({ assert }) => {
    const { project } = await projectWithCast()
    await bulkTasks(project, taskAdmin().perPage)
    await fakeEstimate('tasks', 2_000_000)

    const list = await changeList(taskAdmin(), await superuserContext(), {})

    assert.equal(await estimatedRows('tasks'), 2_000_000)
    assert.deepEqual(list.pagination.count, { value: 2_000_000, kind: 'estimate' })
    assert.lengthOf(list.rows, taskAdmin().perPage)
  })

  test('a page that is not full is its own count: no count query runs', async ({ assert }) => {
    const { project } = await projectWithCast()
    await bulkTasks(project, 60)
    await fakeEstimate('tasks', 2_000_000)
    const ctx = await superuserContext()

    const searched = await recordQueries(() =>
      changeList(taskAdmin(), ctx, { q: 'nothing like it' })
    )
    const lastPage = await recordQueries(() => changeList(taskAdmin(), ctx, { page: '2' }))
    const pastTheEnd = await changeList(taskAdmin(), ctx, { status: 'todo', page: '9' })

    assert.deepEqual(searched.result.pagination.count, { value: 0, kind: 'exact' })
    assert.deepEqual(lastPage.result.pagination.count, { value: 61, kind: 'exact' })
    for (const { sql } of [searched, lastPage]) {
      assert.notMatch(sql.join('\n'), /count\(/i)
    }
    assert.deepEqual(pastTheEnd.pagination.count, { value: 61, kind: 'exact' })
  })

  test('a filtered list of a large table counts exactly when few rows match', async ({
    assert,
  }) => {
    const { project } = await projectWithCast()
    await tasksOf(project, [
      { title: 'Launch', status: 'done' },
      { title: 'Orbit', status: 'done' },
    ])
    await fakeEstimate('tasks', 2_000_000)
    const ctx = await superuserContext()

    const filtered = await changeList(taskAdmin(), ctx, { status: 'done' })
    const searched = await changeList(taskAdmin(), ctx, { q: 'fuel' })

    assert.deepEqual(filtered.pagination.count, { value: 2, kind: 'exact' })
    assert.deepEqual(searched.pagination.count, { value: 1, kind: 'exact' })
  })

  test('a filtered list of a large table stops counting past the bound', async ({ assert }) => {
    const { project } = await projectWithCast()
    await bulkTasks(project, COUNT_BOUND + 1)
    await fakeEstimate('tasks', 2_000_000)

    const list = await changeList(taskAdmin(), await superuserContext(), { status: 'todo' })

    assert.deepEqual(list.pagination.count, { value: COUNT_BOUND, kind: 'atLeast' })
    assert.isTrue(list.pagination.hasNext)
  })

  test('a filtered list matching exactly the bound is counted exactly', async ({ assert }) => {
    const { project } = await projectWithCast()
    await bulkTasks(project, COUNT_BOUND - 1)
    await fakeEstimate('tasks', 2_000_000)

    const list = await changeList(taskAdmin(), await superuserContext(), { status: 'todo' })

    assert.deepEqual(list.pagination.count, { value: COUNT_BOUND, kind: 'exact' })
  })
})
