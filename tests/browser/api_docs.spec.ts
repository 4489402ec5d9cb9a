/// <reference lib="dom" />
import { test } from '@japa/runner'
import { apiDocument } from '#api/openapi/api_document'
import { testServerUrl } from '#tests/helpers/test_server'

/** The violations the page reports, collected from before its first script runs. */
type ViolationLog = Window & { __cspViolations?: string[] }

test.group('API documentation | in the browser', () => {
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
})
