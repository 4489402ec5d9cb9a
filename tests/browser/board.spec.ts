/// <reference lib="dom" />
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Task from '#models/task'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { projectWithCast, quietProject } from '#tests/helpers/projects'

const card = (title: string) => `[data-test="board-card"]:has-text("${title}")`
const inColumn = (status: string, title: string) =>
  `[data-test="board-column-${status}"] ${card(title)}`

/** A task's status as stored. */
async function statusOf(taskId: number) {
  const row = await Task.findOrFail(taskId)
  return row.status
}

test.group('Board | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('dragging a card moves it at once, before the server answers, and it stays', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/board`)
    await page.assertVisible(inColumn('todo', 'Check the fuel'))

    // Hold the server's answer back, to see the card move before it comes.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/board/tasks/*', async (route) => {
      await held
      await route.continue()
    })

    await page.dragAndDrop(card('Check the fuel'), '[data-test="board-column-done"]')
    await page.assertVisible(inColumn('done', 'Check the fuel'))
    await page.assertText('[data-test="board-column-done"] [data-test="column-count"]', '1')
    assert.equal(await statusOf(task.id), 'todo')

    release()
    await page.waitForResponse((response) => response.url().endsWith('/board'))
    await page.assertVisible(inColumn('done', 'Check the fuel'))
    assert.equal(await statusOf(task.id), 'done')
  })

  test('a move the server refuses goes back, with the reason', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    await quietProject(project)
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/board`)

    // Meanwhile the project is archived behind the board's back (a raw update, which no live
    // page hears of): editors may no longer change tasks, and the board still offers the move.
    await db
      .from('projects')
      .where('id', project.id)
      .update({
        archived_at: DateTime.now().toFormat(db.connection().dialect.dateTimeFormat),
      })

    await page.dragAndDrop(card('Check the fuel'), '[data-test="board-column-in_progress"]')
    await page.assertVisible('text=You are not allowed to do this.')
    await page.assertVisible(inColumn('todo', 'Check the fuel'))
    await page.assertText('[data-test="board-column-in_progress"] [data-test="column-count"]', '0')
    assert.equal(await statusOf(task.id), 'todo')
  })

  test('when the server cannot be reached the card goes back and the board says so', async ({
    visit,
    browserContext,
  }) => {
    const { project, users } = await projectWithCast()
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/board`)
    await page.route('**/board/tasks/*', (route) => route.abort('connectionrefused'))

    await page.dragAndDrop(card('Check the fuel'), '[data-test="board-column-done"]')
    await page.assertTextContains('[data-test="board-problem"]', 'could not be reached')
    await page.assertVisible(inColumn('todo', 'Check the fuel'))
  })

  test('a card moves with the keyboard through its menu', async ({ visit, browserContext }) => {
    const { project, users } = await projectWithCast()
    await browserContext.loginAs(users.owner)
    const page = await visit(`/projects/${project.id}/board`)

    await page.getByLabel('Move "Check the fuel" to').focus()
    await page.keyboard.press('ArrowDown')
    await page.assertVisible(inColumn('in_progress', 'Check the fuel'))
  })

  test('viewers see the board without anything to drag', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    await browserContext.loginAs(users.viewer)
    const page = await visit(`/projects/${project.id}/board`)

    await page.assertVisible(inColumn('todo', 'Check the fuel'))
    assert.equal(await page.locator(card('Check the fuel')).getAttribute('draggable'), 'false')
    await page.assertNotExists('select[aria-label^="Move"]')
  })
})
