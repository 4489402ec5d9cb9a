import { test } from '@japa/runner'
import Comment from '#models/comment'
import Label from '#models/label'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { TaskFactory } from '#database/factories/project_factory'
import { type ProjectCast, projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'
import { LoggedInBrowser } from '#tests/helpers/form_login'

/**
 * The queries each page of the reference app costs, pinned, for a browser that logged in through
 * the form (so the check of its tracked session runs, as for every real visitor). Every page is
 * measured twice: on a project with one task, and after adding many tasks with assignees,
 * labels, due dates and comments. The count must be the same both times (no query per row) and
 * equal to the figure here; a change to either is a decision to make on purpose. `queries` is a
 * visit with the project's options (members, labels) cached, as every visit but the first after
 * a change; `firstVisit` is the one that reads them. `budget` is the most a page may cost (the
 * benchmark's W1 and W2).
 */
const PAGES: {
  name: string
  queries: number
  firstVisit: number
  budget?: number
  url: (cast: ProjectCast) => string
}[] = [
  {
    name: 'tasks list',
    queries: 4,
    firstVisit: 6,
    budget: 5,
    url: ({ project }) => `/projects/${project.id}/tasks?status=todo&sort=updated&page=1`,
  },
  {
    name: 'board',
    queries: 5,
    firstVisit: 5,
    url: ({ project }) => `/projects/${project.id}/board`,
  },
  {
    name: 'task page',
    queries: 6,
    firstVisit: 8,
    budget: 6,
    url: ({ project, task }) => `/projects/${project.id}/tasks/${task.id}`,
  },
  { name: 'dashboard', queries: 6, firstVisit: 6, url: () => '/dashboard' },
]

/**
 * Adds `count` tasks to the cast's project, each assigned, due around today, with two labels and
 * comments, and gives the cast's own task (and the editor) more of the same: every relation a
 * page shows has rows, and more of them each time.
 */
async function growProject({ project, users, task }: ProjectCast, count: number) {
  const labels = [
    await Label.create({ projectId: project.id, name: `l${count}a`, color: '#2563eb' }),
    await Label.create({ projectId: project.id, name: `l${count}b`, color: '#16a34a' }),
  ]
  const people = [users.owner, users.editor, users.viewer]
  const tasks = await TaskFactory.merge({ projectId: project.id })
    .tap((row, { faker }) => {
      row.assigneeId = faker.helpers.arrayElement(people).id
      row.dueOn = DateTime.now().plus({ days: faker.number.int({ min: -3, max: 5 }) })
      row.status = faker.helpers.arrayElement(['todo', 'in_progress'])
    })
    .createMany(count)
  task.merge({ assigneeId: users.editor.id, dueOn: DateTime.now().plus({ days: 1 }) })
  await task.save()
  for (const each of [...tasks, task]) {
    await each.related('labels').attach(labels.map((label) => label.id))
    for (const author of people) {
      await Comment.create({ taskId: each.id, authorId: author.id, body: `On ${each.title}` })
    }
  }
}

/** The statements of a first visit of `url` and of the next one. */
async function countPage(browser: LoggedInBrowser, url: string) {
  const visit = async () => {
    const { result, sql } = await recordQueries(() => browser.visit(url))
    if (result.status !== 200) throw new Error(`${url} answered ${result.status}`)
    return sql
  }
  const first = await visit()
  return { first, next: await visit() }
}

test.group('Reference app | queries per page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const page of PAGES) {
    test(`the ${page.name} costs ${page.queries} queries whatever the amount of data`, async ({
      assert,
    }) => {
      const cast = await projectWithCast()
      const browser = await LoggedInBrowser.as(cast.users.editor)
      await growProject(cast, 1)
      const few = await countPage(browser, page.url(cast))

      await growProject(cast, 40)
      const many = await countPage(browser, page.url(cast))

      for (const visit of ['first', 'next'] as const) {
        const sql = many[visit].join('\n')
        assert.equal(many[visit].length, few[visit].length, `queries grew with the data:\n${sql}`)
      }
      assert.equal(many.first.length, page.firstVisit, many.first.join('\n'))
      assert.equal(many.next.length, page.queries, many.next.join('\n'))
      if (page.budget) assert.isAtMost(many.next.length, page.budget)
    })
  }
})
