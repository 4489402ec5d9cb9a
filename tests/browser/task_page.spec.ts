/// <reference lib="dom" />
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Page } from 'playwright'
import { projectWithCast } from '#tests/helpers/projects'

/** The id, or else the test hook, of the element that has the keyboard focus. */
function focused(page: Page) {
  return page.evaluate(
    () => document.activeElement?.id || document.activeElement?.getAttribute('data-test')
  )
}

/** Waits (up to 5 s) for the focus to reach `expected`: it moves after the page renders. */
async function assertFocus(page: Page, expected: string) {
  let actual: string | null | undefined
  for (let waited = 0; waited < 5000; waited += 50) {
    actual = await focused(page)
    if (actual === expected) return
    await page.waitForTimeout(50)
  }
  throw new Error(`Focus is on "${actual}", not on "${expected}"`)
}

/**
 * Presses a page's keyboard shortcut once the page listens for it: a key pressed before the
 * scripts have run does nothing, as for a person who types before the page is ready.
 */
async function pressShortcut(page: Page, key: string, opens: string) {
  for (let waited = 0; waited < 5000; waited += 100) {
    await page.locator('body').press(key)
    if (await page.locator(opens).isVisible()) return
    await page.waitForTimeout(100)
  }
  throw new Error(`Pressing "${key}" did not open ${opens}`)
}

test.group('Task page | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows the title as the heading with its facts, and saves an edit there', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task, label } = await projectWithCast()
    users.editor.timeZone = 'Asia/Tokyo'
    await users.editor.save()
    const yesterday = DateTime.now().setZone('Asia/Tokyo').minus({ days: 1 }).toISODate()!
    task.merge({
      status: 'in_progress',
      priority: 3,
      assigneeId: users.editor.id,
      dueOn: DateTime.fromISO(yesterday),
      description: 'All four tanks,\nthen the lines.',
    })
    await task.save()
    await task.related('labels').attach([label.id])
    const loaded = task.version
    await browserContext.loginAs(users.editor)

    const page = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await page.assertElementsCount('h1', 1)
    await page.assertText('h1', 'Check the fuel')
    await page.assertTitle('Check the fuel · Apollo · Atrium')
    await page.assertText('[data-test="task-status"]', 'In progress')
    await page.assertText('[data-test="task-priority"]', 'High')
    await page.assertText('[data-test="task-assignee"]', users.editor.fullName)
    await page.assertText('[data-test="task-due"]', 'Overdue by 1 day')
    await page.assertExists('[data-test="task-due"] time.text-danger')
    await page.assertText('[data-test="task-labels"]', 'bug')
    await page.assertText('[data-test="task-description"]', 'All four tanks,\nthen the lines.')
    await page.assertNotExists('[data-test="task-edit-form"]')

    await page.getByRole('button', { name: 'Edit task' }).click()
    await assertFocus(page, 'title')
    await page.getByLabel('Title').fill('Check the fuel twice')
    await page.getByRole('button', { name: 'Save' }).click()

    await page.assertVisible('text=Task saved.')
    await page.assertText('h1', 'Check the fuel twice')
    await page.assertNotExists('[data-test="task-edit-form"]')
    await assertFocus(page, 'edit-task')

    // A second edit starts from the saved version: it is not refused as stale.
    await page.getByRole('button', { name: 'Edit task' }).click()
    await page.getByLabel('Status').selectOption('done')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.assertText('[data-test="task-status"]', 'Done')
    await page.assertNotExists('[data-test="conflict"]')
    await page.assertTextContains('[data-test="task-history"]', 'Status: In progress → Done')

    await task.refresh()
    const saved = [task.title, task.status, task.version - loaded].join(' / ')
    if (saved !== 'Check the fuel twice / done / 2') throw new Error(`Saved ${saved}`)
  })

  test('the e key opens the form; a refused title keeps it open; Cancel returns to Edit', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    await browserContext.loginAs(users.editor)

    const page = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await pressShortcut(page, 'e', '[data-test="task-edit-form"]')
    await assertFocus(page, 'title')
    await page.assertInputValue('#title', 'Check the fuel')

    await page.getByLabel('Title').fill('')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.assertVisible('[data-test="error-title-error"]')
    await page.assertVisible('[data-test="task-edit-form"]')

    await page.getByLabel('Title').fill('Check nothing')
    await page.getByRole('button', { name: 'Cancel' }).click()

    await page.assertNotExists('[data-test="task-edit-form"]')
    await page.assertText('h1', 'Check the fuel')
    await assertFocus(page, 'edit-task')
    await task.refresh()
    if (task.version !== 1) throw new Error(`Cancel saved version ${task.version}`)
  })

  test('a viewer reads the same page without Edit or a form', async ({ visit, browserContext }) => {
    const { project, users, task } = await projectWithCast()
    task.merge({ status: 'done', dueOn: DateTime.fromISO('2026-01-15') })
    await task.save()
    await browserContext.loginAs(users.viewer)

    const page = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await page.assertText('h1', 'Check the fuel')
    await page.assertText('[data-test="task-status"]', 'Done')
    await page.assertText('[data-test="task-priority"]', 'Low')
    await page.assertText('[data-test="task-assignee"]', 'Nobody')
    await page.assertText('[data-test="task-due"]', 'Was due 15 Jan 2026')
    await page.assertText('[data-test="task-labels"]', 'None')
    await page.assertText('[data-test="task-description"]', 'No description.')
    await page.assertNotExists('[data-test="edit-task"]')

    await page.locator('body').press('e')
    await page.assertNotExists('[data-test="task-edit-form"]')
    await page.assertNotExists('#title')
  })
})
