/// <reference lib="dom" />
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Comment from '#models/comment'
import testUtils from '@adonisjs/core/services/test_utils'
import { projectWithCast } from '#tests/helpers/projects'

test.group('Time zone | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("times and due dates read in the user's own zone", async ({ visit, browserContext }) => {
    const { project, users, task } = await projectWithCast()
    users.editor.timeZone = 'Asia/Tokyo'
    await users.editor.save()
    const comment = await Comment.create({ taskId: task.id, authorId: users.owner.id, body: 'Go' })
    await db
      .from('comments')
      .where('id', comment.id)
      .update({ created_at: '2026-03-01 00:30:00', updated_at: '2026-03-01 00:30:00' })
    task.dueOn = DateTime.fromISO(DateTime.now().setZone('Asia/Tokyo').toISODate()!)
    await task.save()

    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await page.assertTextContains('[data-test="comment"]', '1 Mar 2026, 09:30')

    await page.getByRole('link', { name: 'Board', exact: true }).click()
    await page.assertTextContains('[data-test="board-card"] [data-test="due-date"]', 'Due today')
  })
})
