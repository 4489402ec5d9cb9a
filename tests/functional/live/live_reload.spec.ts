import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { projectWithCast } from '#tests/helpers/projects'
import { LoggedInBrowser } from '#tests/helpers/form_login'
import { testServerUrl } from '#tests/helpers/test_server'
import { clearRateLimits } from '#tests/helpers/accounts'
import { LIVE_RELOAD_HEADER } from '#shared/live'

type PageFlash = { flash: { success: string | null; error: string | null } }

/** The task page's partial reload of its comments, as a live change makes it (or not). */
async function reloadComments(browser: LoggedInBrowser, path: string, live: boolean) {
  const response = await browser.cookies.get(testServerUrl(path), {
    'x-inertia': 'true',
    'x-inertia-version': String(app.config.get('inertia.assetsVersion', '') || '1'),
    'x-inertia-partial-component': 'projects/task',
    'x-inertia-partial-data': 'comments',
    'x-requested-with': 'XMLHttpRequest',
    ...(live ? { [LIVE_RELOAD_HEADER]: '1' } : {}),
  })
  return ((await response.json()) as PageFlash).flash
}

test.group('Live | a reload after a change', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(clearRateLimits)

  test('neither shows nor uses up the flash a save left for the page it redirects to', async ({
    assert,
  }) => {
    const { project, task, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.editor)
    const path = `/projects/${project.id}/tasks/${task.id}`
    const comment = async () => {
      const response = await browser.cookies.post(testServerUrl(`${path}/comments`), { body: 'Go' })
      assert.equal(response.status, 302)
    }
    const pageFlash = async () => {
      const response = await browser.visit(path)
      const page = (await response.json()) as PageFlash
      return page.flash
    }

    // A live reload arrives between the save and the page it redirects to.
    await comment()
    assert.deepEqual(await reloadComments(browser, path, true), { success: null, error: null })
    assert.deepEqual(await pageFlash(), { success: 'Comment added.', error: null })

    // Any other request in that place would have taken the message.
    await comment()
    const reloaded = await reloadComments(browser, path, false)
    assert.deepEqual(reloaded, { success: 'Comment added.', error: null })
    assert.deepEqual(await pageFlash(), { success: null, error: null })
  })
})
