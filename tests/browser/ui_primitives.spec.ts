/// <reference lib="dom" />
import { test } from '@japa/runner'

test.group('UI primitives | in the browser', () => {
  test('the dialog takes focus, closes on Escape and gives focus back', async ({ visit }) => {
    const page = await visit('/dev/ui')
    const trigger = page.getByRole('button', { name: 'Open dialog' })

    await trigger.click()
    const dialog = page.getByRole('dialog', { name: 'Delete this task?' })
    await page.assertVisible(dialog)
    const focusInside = await page.evaluate(() =>
      Boolean(document.activeElement?.closest('[role="dialog"]'))
    )
    if (!focusInside) throw new Error('Focus did not move into the dialog')

    await page.keyboard.press('Escape')
    await page.assertNotExists('[role="dialog"]')
    await page.waitForFunction(() => document.activeElement?.textContent === 'Open dialog')
  })

  test('a dialog action runs and closes the dialog', async ({ visit }) => {
    const page = await visit('/dev/ui')

    await page.getByRole('button', { name: 'Open dialog' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()

    await page.assertNotExists('[role="dialog"]')
    await page.assertText('[data-test="ui-overlay-result"]', 'Deleted.')
  })

  test('the dropdown menu works with the keyboard alone', async ({ visit }) => {
    const page = await visit('/dev/ui')

    await page.getByRole('button', { name: 'Open menu' }).focus()
    await page.keyboard.press('Enter')
    await page.assertVisible(page.getByRole('menu'))
    await page.waitForFunction(() => document.activeElement?.textContent === 'todo')
    await page.keyboard.press('ArrowDown')
    await page.waitForFunction(() => document.activeElement?.textContent === 'in_progress')
    await page.keyboard.press('Enter')

    await page.assertNotExists('[role="menu"]')
    await page.assertText('[data-test="ui-overlay-result"]', 'Moved to in_progress.')
  })

  test('the select is a labelled native control', async ({ visit }) => {
    const page = await visit('/dev/ui')

    await page.getByLabel('Status').selectOption('done')

    await page.assertText('[data-test="ui-status-value"]', 'Status: done')
    await page.assertElementsCount('th[scope="col"]', 2)
  })
})
