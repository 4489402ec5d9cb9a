import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import { DateTime } from 'luxon'
import type { Browser, BrowserContextOptions } from 'playwright'
import User from '#models/user'
import { launchChromium } from '#tests/helpers/chromium'
import { firstLoadJs } from '#tests/helpers/first_load'
import {
  PROJECT_ROOT,
  buildForProduction,
  sharedBackends,
  startProductionServer,
  type ProductionServer,
} from '#tests/helpers/production_server'
import { registry } from '../../.adonisjs/client/registry/index.ts'

/**
 * The most JavaScript the login page's first load may send, as brotli (what browsers accept over
 * HTTPS): every file the browser requests from the HTML to the hydrated page. React's and
 * Inertia's code alone is about 91 kB of it; raise this only on purpose.
 */
const LOGIN_FIRST_LOAD_BROTLI_BUDGET = 100_000

const PASSWORD = 'first-load-password'

/** The built chunk of a bundle entry, as a URL path. */
function chunkOf(entry: string): string {
  const manifest = JSON.parse(
    readFileSync(`${PROJECT_ROOT}build/public/assets/.vite/manifest.json`, 'utf8')
  )
  return `/assets/${manifest[entry].file}`
}

/** The URL patterns of the routes whose names start with one of `prefixes`. */
function patternsOf(prefixes: string[]): string[] {
  return Object.entries(registry.routes)
    .filter(([name]) => prefixes.some((prefix) => name.startsWith(prefix)))
    .map(([, route]) => route.pattern)
}

/** Whether some code holds `pattern` as a whole string literal. */
function holdsPattern(sources: string[], pattern: string): boolean {
  return sources.some((source) =>
    ['`', '"', "'"].some((quote) => source.includes(`${quote}${pattern}${quote}`))
  )
}

/** Logs `user` in through the login form; returns the session, for fresh tabs with empty caches. */
async function logIn(browser: Browser, origin: string, user: User) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${origin}/login`)
  await page.fill('#email', user.email)
  await page.fill('#password', PASSWORD)
  await page.click('[data-test="login-submit"]')
  await page.waitForURL(`${origin}/`)
  const session = await context.storageState()
  await context.close()
  return session
}

/** The first load of `path` in a new tab with an empty cache, logged in with `session`. */
async function firstLoadAs(
  browser: Browser,
  session: BrowserContextOptions['storageState'],
  origin: string,
  path: string
) {
  const context = await browser.newContext({ storageState: session })
  try {
    return await firstLoadJs(await context.newPage(), origin, path)
  } finally {
    await context.close()
  }
}

test.group('Production | first load', (group) => {
  let server: ProductionServer
  let browser: Browser

  group.setup(async () => {
    buildForProduction()
    server = await startProductionServer({
      env: { ...sharedBackends(), APP_URL: 'http://127.0.0.1' },
    })
    browser = await launchChromium({})
    return async () => {
      await browser.close()
      await server.stop()
    }
  })

  test('the login page sends less than 100 kB of JavaScript, as brotli', async ({ assert }) => {
    const page = await browser.newPage()
    const load = await firstLoadJs(page, server.url, '/login')
    await page.close()

    const figures = `raw ${load.raw} B, gzip ${load.gzip} B, brotli ${load.brotli} B`
    assert.isBelow(load.brotli, LOGIN_FIRST_LOAD_BROTLI_BUDGET, figures)
    assert.include(load.requested, chunkOf('inertia/app.tsx'))
    assert.include(load.requested, chunkOf('inertia/pages/auth/login.tsx'))
  })

  test("the login page carries none of the admin's, projects' or settings' URL patterns", async ({
    assert,
  }) => {
    const page = await browser.newPage()
    const load = await firstLoadJs(page, server.url, '/login')
    await page.close()

    assert.isTrue(holdsPattern(load.sources, '/forgot-password'))
    const elsewhere = patternsOf(['admin.', 'projects.', 'settings.'])
    assert.isAbove(elsewhere.length, 0)
    assert.deepEqual(
      elsewhere.filter((pattern) => holdsPattern(load.sources, pattern)),
      []
    )
  })

  test("a guest's page preloads the guest layout and never loads the signed-in one", async ({
    assert,
  }) => {
    const page = await browser.newPage()
    const load = await firstLoadJs(page, server.url, '/login')
    await page.close()

    assert.include(load.announced, chunkOf('inertia/layouts/guest_layout.tsx'))
    assert.include(load.requested, chunkOf('inertia/layouts/guest_layout.tsx'))
    assert.notInclude(load.requested, chunkOf('inertia/layouts/app_layout.tsx'))
  })

  test('a signed-in page preloads the app layout, an admin page its own', async ({ assert }) => {
    const staff = await User.create({
      fullName: 'First Load',
      email: `first-load-${Date.now()}@example.com`,
      password: PASSWORD,
      emailVerifiedAt: DateTime.now(),
      isStaff: true,
      isSuperuser: true,
    })
    try {
      const session = await logIn(browser, server.url, staff)

      const dashboard = await firstLoadAs(browser, session, server.url, '/dashboard')
      assert.include(dashboard.announced, chunkOf('inertia/layouts/app_layout.tsx'))
      assert.notInclude(dashboard.requested, chunkOf('inertia/layouts/guest_layout.tsx'))

      const admin = await firstLoadAs(browser, session, server.url, '/admin')
      assert.include(admin.announced, chunkOf('inertia/pages/admin/index.tsx'))
      assert.notInclude(admin.requested, chunkOf('inertia/layouts/app_layout.tsx'))
      assert.notInclude(admin.requested, chunkOf('inertia/layouts/guest_layout.tsx'))
    } finally {
      await staff.delete()
    }
  }).timeout(60_000)
})
