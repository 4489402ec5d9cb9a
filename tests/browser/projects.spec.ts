/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'

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
