/// <reference lib="dom" />
import { test } from '@japa/runner'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import adminExportsConfig from '#config/admin_exports'
import { fakeMail } from '#tests/helpers/accounts'
import Task from '#models/task'
import testUtils from '@adonisjs/core/services/test_utils'
import { projectWithCast } from '#tests/helpers/projects'
import { staffWith, stored } from '#tests/helpers/admin'
import { jobIn, stateOf } from '#tests/helpers/jobs'

test.group('Admin | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff search and filter tasks, edit one, run a bulk action and read its history', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { project } = await projectWithCast()
    const [rocket, tower] = await Task.createMany([
      { projectId: project.id, title: 'Paint the rocket', status: 'todo', priority: 2, version: 1 },
      { projectId: project.id, title: 'Paint the tower', status: 'done', priority: 0, version: 1 },
    ])
    const staff = await staffWith(['task.view', 'task.change'])
    await browserContext.loginAs(staff)

    const page = await visit('/admin')
    await page.click('[data-test="admin-nav-tasks"]')
    await page.assertVisible(`[data-test="admin-row-${rocket.id}"]`)

    await page.fill('[data-test="admin-search"]', 'paint')
    await page.press('[data-test="admin-search"]', 'Enter')
    await page.waitForURL(/q=paint/)
    await page.assertElementsCount('tbody tr', 2)

    await page.click('[data-test="admin-filter-status"] >> text=To do')
    await page.waitForURL(/status=todo/)
    await page.assertElementsCount('tbody tr', 1)
    await page.assertVisible(`[data-test="admin-row-${rocket.id}"]`)

    await page.click(`[data-test="admin-row-${rocket.id}"] a`)
    await page.waitForURL(new RegExp(`/admin/tasks/${rocket.id}$`))
    await page.fill('[data-test="admin-field-title"]', 'Paint the big rocket')
    await page.click('[data-test="admin-save"]')
    await page.waitForURL(/\/admin\/tasks(\?|$)/)
    await page.assertTextContains('body', 'The task “Paint the big rocket” was changed.')
    assert.equal(await stored(Task, rocket.id, 'title'), 'Paint the big rocket')

    await page.goto('/admin/tasks?q=paint')
    await page.check(`[data-test="admin-row-checkbox-${rocket.id}"]`)
    await page.selectOption('[data-test="admin-action-select"]', 'mark_done')
    await page.click('[data-test="admin-action-go"]')
    await page.assertTextContains('body', '1 task marked Done')
    assert.equal(await stored(Task, rocket.id, 'status'), 'done')
    assert.equal(await stored(Task, tower.id, 'status'), 'done')

    await page.goto(`/admin/tasks/${rocket.id}`)
    await page.click('[data-test="admin-history-link"]')
    await page.waitForURL(new RegExp(`/admin/tasks/${rocket.id}/history$`))
    await page.assertTextContains('main', staff.fullName)
    await page.assertTextContains('main', 'Paint the big rocket')
    await page.assertTextContains('main', 'done')
  })

  test('staff open the jobs, find a failed one and retry it', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const failed = await jobIn('failed', { name: 'SendMailJob', error: 'Connection refused' })
    const staff = await staffWith(['job.view', 'job.change'])
    await browserContext.loginAs(staff)

    const page = await visit('/admin')
    await page.click('[data-test="admin-nav-jobs"]')
    await page.waitForURL(/\/admin\/jobs$/)
    await page.assertTextContains(`[data-test="admin-job-${failed.id}"]`, 'Connection refused')

    await page.check(`[data-test="admin-job-checkbox-${failed.id}"]`)
    await page.selectOption('[data-test="admin-action-select"]', 'retry')
    await page.click('[data-test="admin-action-go"]')
    await page.assertTextContains('body', '1 job retried.')
    await page.assertNotExists(`[data-test="admin-job-${failed.id}"]`)
    assert.equal(await stateOf(failed.id), 'pending')
  })
})

test.group('Admin | exports in the browser', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    const saved = { ...adminExportsConfig }
    const directory = await mkdtemp(join(tmpdir(), 'atrium-exports-'))
    Object.assign(adminExportsConfig, { immediateRowLimit: 1, directory })
    const mail = fakeMail()
    return async () => {
      mail.restore()
      Object.assign(adminExportsConfig, saved)
      await rm(directory, { recursive: true, force: true })
      await rollback()
    }
  })

  test('a large export is prepared in the background, then listed and downloaded', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { project } = await projectWithCast()
    await Task.createMany([
      { projectId: project.id, title: 'Paint the rocket', status: 'done', priority: 2, version: 1 },
      { projectId: project.id, title: 'Paint the tower', status: 'done', priority: 0, version: 1 },
    ])
    const staff = await staffWith(['task.view'])
    await browserContext.loginAs(staff)

    const page = await visit('/admin/tasks?status=done')
    await page.click('[data-test="admin-export"]')
    await page.waitForURL(/\/admin\/tasks\?status=done$/)
    await page.assertTextContains('body', 'The export of tasks (over 1 rows) is being prepared.')

    await page.click('[data-test="admin-exports-link"]')
    await page.waitForURL(/\/admin\/exports$/)
    await page.assertTextContains('[data-test="admin-exports"]', 'Ready')
    await page.assertTextContains('[data-test="admin-exports"]', '100 %')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test="admin-export-download"]'),
    ])
    const file = await readFile((await download.path())!, 'utf8')
    assert.deepEqual(
      file
        .trim()
        .split('\r\n')
        .map((line) => line.split(',')[0]),
      ['Title', 'Paint the tower', 'Paint the rocket']
    )
  })
})
