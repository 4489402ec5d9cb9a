/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

const card = (title: string) => `[data-test="board-card"]:has-text("${title}")`

test.group('Reference app | a whole walk in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create a project, add a member, add tasks, drag one, comment, filter, see the activity', async ({
    visit,
    browserContext,
  }) => {
    const owner = await UserFactory.merge({ fullName: 'Margaret Hamilton' }).create()
    await UserFactory.merge({ email: 'buzz@example.com', fullName: 'Buzz Aldrin' }).create()
    await browserContext.loginAs(owner)
    const page = await visit('/projects/new')

    // Create a project.
    await page.getByLabel('Name').fill('Apollo 11')
    await page.getByRole('button', { name: 'Create project' }).click()
    await page.assertText('[data-test="project-name"]', 'Apollo 11')

    // Add a member.
    await page.getByRole('link', { name: 'Members' }).click()
    await page.getByLabel('Add a member by email').fill('buzz@example.com')
    await page.getByLabel('Role', { exact: true }).selectOption('editor')
    await page.getByRole('button', { name: 'Add' }).click()
    await page.assertVisible('text=Buzz Aldrin joined as editor.')

    // Add two tasks, one assigned to the new member.
    await page.getByRole('link', { name: 'Tasks', exact: true }).click()
    for (const [title, assignee] of [
      ['Check the fuel', 'Buzz Aldrin'],
      ['Plant the flag', null],
    ] as const) {
      await page.getByRole('button', { name: 'New task' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Title').fill(title)
      if (assignee) await dialog.getByLabel('Assignee').selectOption({ label: assignee })
      await dialog.getByRole('button', { name: 'Create task' }).click()
      await page.assertVisible(`text=Task "${title}" created.`)
      await page.assertNotExists('[role="dialog"]')
    }
    await page.assertText('[data-test="tasks-total"]', '2 tasks')

    // Drag one on the board.
    await page.getByRole('link', { name: 'Board', exact: true }).click()
    const saved = page.waitForResponse((response) => response.url().endsWith('/board'))
    await page.dragAndDrop(card('Check the fuel'), '[data-test="board-column-done"]')
    await page.assertVisible(`[data-test="board-column-done"] ${card('Check the fuel')}`)
    await saved

    // Comment on it.
    await page.locator(card('Check the fuel')).getByRole('link').click()
    await page.getByLabel('Add a comment').fill('Fuel checked: all tanks full.')
    await page.getByRole('button', { name: 'Comment', exact: true }).click()
    await page.assertTextContains('[data-test="comment"]', 'Fuel checked: all tanks full.')

    // Filter the list.
    await page.getByRole('link', { name: 'Tasks', exact: true }).click()
    await page.locator('[data-test="task-filters"]').getByLabel('Status').selectOption('done')
    await page.assertText('[data-test="tasks-total"]', '1 task')
    await page.assertTextContains('[data-test="tasks-table"]', 'Check the fuel')
    await page.assertQueryString({ status: 'done' })

    // See the activity.
    await page.getByRole('link', { name: 'Dashboard' }).click()
    const activity = page.locator('[data-test="dashboard-activity"]')
    await activity.getByText('Margaret Hamilton created a comment in Apollo 11').waitFor()
    await activity.getByText('Margaret Hamilton updated a task in Apollo 11').waitFor()
    await activity
      .getByText('Margaret Hamilton created a project member in Apollo 11')
      .first()
      .waitFor()
  })
})
