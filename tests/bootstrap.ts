import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { browserClient, decoratorsCollection } from '@japa/browser-client'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { inertiaApiClient } from '@adonisjs/inertia/plugins/api_client'
import { launchChromium } from '#tests/helpers/chromium'
import { apiContract } from '#tests/helpers/api_contract'
import { waitsForTheApp } from '#tests/helpers/wait_for_app'
import { assertionsThatFail } from '#tests/helpers/page_assertions'

/**
 * Japa plugins. Browser tests drive the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium);
 * see tests/helpers/chromium.ts. apiContract checks every /api/v1 response against the OpenAPI
 * document, and a full run's coverage of it (tests/helpers/api_contract.ts). Every page a browser
 * test opens is handed over once its app has hydrated (tests/helpers/wait_for_app.ts), and its
 * assertions retry in a way that fails when it should (tests/helpers/page_assertions.ts).
 */
decoratorsCollection.register(waitsForTheApp)
decoratorsCollection.register(assertionsThatFail)

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  inertiaApiClient(app),
  browserClient({ runInSuites: ['browser'], launcher: launchChromium }),
  sessionBrowserClient(app),
  authBrowserClient(app),
  apiContract(),
]

/**
 * Before all tests: a freshly migrated test database (SQLite file under tmp/ by default, or the
 * PostgreSQL database named by DB_*). After all tests the migrations are rolled back.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [() => testUtils.db().migrate()],
  teardown: [],
}

/**
 * Every test starts with an empty cache: a test's rows are rolled back after it, and SQLite hands
 * their ids to the next test's rows, which must not find the old rows' cached values.
 * Functional and browser suites get a running HTTP server.
 */
export const configureSuite: Config['configureSuite'] = (suite) => {
  const clearCache = async () => {
    const { default: cache } = await import('@adonisjs/cache/services/main')
    await cache.clear()
  }
  suite.onGroup((group) => group.each.setup(clearCache))
  suite.onTest((test) => test.setup(clearCache))
  if (['browser', 'functional'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
