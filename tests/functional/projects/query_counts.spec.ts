import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import Comment from '#models/comment'
import Label from '#models/label'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { TaskFactory } from '#database/factories/project_factory'
import { type ProjectCast, projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'

/**
 * The queries each page of the reference app costs, pinned. Every page is measured twice: on a
 * project with one task, and after adding many tasks with assignees, labels, due dates and
 * comments. The count must be the same both times (no query per row) and equal to the figure
 * here; a change to either is a decision to make on purpose.
 */
const PAGES: { name: string; queries: number; url: (cast: ProjectCast) => string }[] = [
  { name: 'tasks list', queries: 9, url: ({ project }) => `/projects/${project.id}/tasks` },
  { name: 'board', queries: 7, url: ({ project }) => `/projects/${project.id}/board` },
  {
    name: 'task page',
    queries: 13,
    url: ({ project, task }) => `/projects/${project.id}/tasks/${task.id}`,
  },
  { name: 'dashboard', queries: 8, url: () => '/dashboard' },
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

async function countPage(client: ApiClient, cast: ProjectCast, url: string) {
  const { result, sql } = await recordQueries(() =>
    client.get(url).withInertia().loginAs(cast.users.editor)
  )
  result.assertStatus(200)
  return sql
}

test.group('Reference app | queries per page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const page of PAGES) {
    test(`the ${page.name} costs ${page.queries} queries whatever the amount of data`, async ({
      client,
      assert,
    }) => {
      const cast = await projectWithCast()
      await growProject(cast, 1)
      const few = await countPage(client, cast, page.url(cast))

      await growProject(cast, 40)
      const many = await countPage(client, cast, page.url(cast))

      assert.equal(many.length, few.length, `queries grew with the data:\n${many.join('\n')}`)
      assert.equal(many.length, page.queries, many.join('\n'))
    })
  }
})
