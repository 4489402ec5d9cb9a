/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import Task from '#models/task'
import { projectWithCast } from '#tests/helpers/projects'

test.group('Projects | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create a project, add a member, change a role, archive it', async ({
    visit,
    browserContext,
  }) => {
    const owner = await UserFactory.merge({ fullName: 'Margaret Hamilton' }).create()
    await UserFactory.merge({ email: 'buzz@example.com', fullName: 'Buzz Aldrin' }).create()
    await browserContext.loginAs(owner)

    const page = await visit('/projects')
    await page.getByRole('link', { name: 'New project' }).click()
    await page.assertPath('/projects/new')
    await page.getByLabel('Name').fill('Apollo 11')
    await page.getByLabel('Description').fill('The first landing')
    await page.getByRole('button', { name: 'Create project' }).click()

    await page.assertText('[data-test="project-name"]', 'Apollo 11')
    await page.assertVisible('text=Project "Apollo 11" created.')

    await page.getByRole('link', { name: 'Members' }).click()
    await page.getByLabel('Add a member by email').fill('buzz@example.com')
    await page.getByLabel('Role', { exact: true }).selectOption('viewer')
    await page.getByRole('button', { name: 'Add' }).click()
    await page.assertVisible('text=Buzz Aldrin joined as viewer.')
    await page.assertVisible('[data-test="member-buzz@example.com"]')

    await page.getByLabel('Role of Buzz Aldrin').selectOption('editor')
    await page.assertVisible('text=Role changed.')

    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('button', { name: 'Archive project' }).click()
    await page.assertVisible('text=Project archived: it is read-only now.')
    await page.assertVisible('button:has-text("Restore project")')
  })
})

test.group('Tasks | conflicting edits in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a stale save shows both values; choosing and saving again wins', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await page.getByRole('button', { name: 'Edit task' }).click()
    await page.getByLabel('Title').fill('Check the fuel twice')

    // Meanwhile the owner saves another title and status.
    task.merge({ title: 'Check the oxygen', status: 'in_progress' })
    await task.save()

    await page.getByRole('button', { name: 'Save' }).click()
    await page.assertVisible('[data-test="conflict"]')
    await page.assertTextContains('[data-test="conflict-title"]', 'Yours: Check the fuel twice')
    await page.assertTextContains('[data-test="conflict-title"]', 'Theirs: Check the oxygen')
    await page.assertTextContains('[data-test="conflict-status"]', 'Theirs: In progress')

    await page
      .locator('[data-test="conflict-status"]')
      .getByRole('button', { name: 'Take theirs' })
      .click()
    await page.getByRole('button', { name: 'Keep the rest of mine' }).click()
    await page.getByRole('button', { name: 'Save' }).click()

    await page.assertVisible('text=Task saved.')
    await page.assertText('h1', 'Check the fuel twice')
    await page.assertNotExists('[data-test="conflict"]')
    await task.refresh()
    if (task.title !== 'Check the fuel twice' || task.status !== 'in_progress') {
      throw new Error(`Saved ${task.title} / ${task.status}`)
    }
  })
})

test.group('Tasks | filtering in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a filter lands in the URL and narrows the list without a reload', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    task.merge({ title: 'Still to do', status: 'todo' })
    await task.save()
    await Task.create({
      projectId: project.id,
      title: 'Already done',
      status: 'done',
      priority: 0,
      version: 1,
    })
    await browserContext.loginAs(users.viewer)

    const page = await visit(`/projects/${project.id}/tasks`)
    await page.assertElementsCount('[data-test="task-row"]', 2)
    await page.evaluate(() => ((window as Window & { __kept?: boolean }).__kept = true))

    await page.getByLabel('Status').selectOption('done')

    await page.assertQueryString({ status: 'done' })
    await page.assertElementsCount('[data-test="task-row"]', 1)
    await page.assertTextContains('[data-test="task-row"]', 'Already done')
    const kept = await page.evaluate(() => (window as Window & { __kept?: boolean }).__kept)
    if (!kept) throw new Error('The filter reloaded the whole page')
  })
})
