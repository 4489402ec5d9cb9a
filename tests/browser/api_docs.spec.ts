/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { TaskFactory } from '#database/factories/project_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { bearerTokenOf } from '#tests/helpers/api'
import { clearRateLimits } from '#tests/helpers/accounts'
import { apiOperations } from '#api/operations'
import { apiDocument } from '#api/openapi/api_document'
import { testServerUrl } from '#tests/helpers/test_server'

/** The violations the page reports, collected from before its first script runs. */
type ViolationLog = Window & { __cspViolations?: string[] }

test.group('API documentation | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('lists every operation of the document with no CSP violation', async ({
    browserContext,
    assert,
  }) => {
    const operations = Object.values(apiDocument().paths).flatMap((item) => Object.values(item))
    const page = await browserContext.newPage()
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.addInitScript(() => {
      const log = window as ViolationLog
      log.__cspViolations = []
      document.addEventListener('securitypolicyviolation', (event) => {
        log.__cspViolations!.push(`${event.violatedDirective}: ${event.blockedURI}`)
      })
    })

    await page.goto(testServerUrl('/api/docs'))
    await page.locator('.swagger-ui .info .title').waitFor()
    await page.locator('.opblock').first().waitFor()

    const summaries = await page.locator('.opblock-summary-description').allTextContents()
    assert.isAbove(operations.length, 0)
    assert.sameMembers(
      summaries,
      operations.map((operation) => operation.summary as string)
    )
    assert.deepEqual(await page.evaluate(() => (window as ViolationLog).__cspViolations), [])
    assert.deepEqual(consoleErrors, [])
  })

  test('tries a call with a pasted access token', async ({ visit, assert }) => {
    const { project, users } = await projectWithCast()
    await TaskFactory.merge({ projectId: project.id, title: 'Tried from the docs' }).create()
    const token = await bearerTokenOf(users.viewer, ['task.view'])
    const page = await visit('/api/docs')

    await page.locator('.swagger-ui .auth-wrapper button.authorize').click()
    const bearer = page.locator('.auth-container').filter({ hasText: 'bearerToken' })
    await bearer.locator('input').fill(token)
    await bearer.locator('button.authorize').click()
    await page.locator('.modal-ux button.btn-done').first().click()

    const { summary } = apiOperations().get('api.tasks.index')!
    const operation = page.locator('.opblock').filter({ hasText: summary })
    await operation.locator('.opblock-summary').click()
    await operation.locator('input[placeholder="projectId"]').fill(String(project.id))
    await operation.locator('button.execute').click()

    const live = operation.locator('.live-responses-table .response')
    await live.locator('.response-col_status').first().waitFor()
    const status = await live.locator('.response-col_status').first().textContent()
    const body = await live.locator('.response-col_description').first().textContent()
    assert.equal(status?.trim(), '200')
    assert.include(body, 'Tried from the docs')
  })
})
