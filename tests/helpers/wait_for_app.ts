/// <reference lib="dom" />
import type { Page } from 'playwright'
import type { Decorator } from '@japa/browser-client/types'

/** How long a page may take to load its scripts and hydrate before a test fails on it. */
const READY_TIMEOUT_MS = 15_000

/**
 * Waits until the page's app has hydrated (`#app[data-ready="true"]`, READY_ATTRIBUTE in
 * inertia/lib/mark_ready.ts). A page without an app (JSON, a plain HTML document) is ready once
 * its document is parsed.
 */
export async function waitForApp(page: Page) {
  await page.waitForFunction(
    () => {
      if (document.readyState === 'loading') return false
      const root = document.getElementById('app')
      return !root || root.getAttribute('data-ready') === 'true'
    },
    undefined,
    { timeout: READY_TIMEOUT_MS }
  )
}

/**
 * A browser-client decorator: every `visit`, `page.goto` and `page.reload` returns once the app
 * answers keys and clicks, not merely once its HTML has loaded (`goBack`/`goForward` do not wait). A server-rendered page is visible
 * before React hydrates it; a test that typed or clicked in that gap lost its input under load.
 */
export const waitsForTheApp: Decorator = {
  page(page) {
    const goto = page.goto.bind(page)
    const reload = page.reload.bind(page)
    page.goto = async (...args) => {
      const response = await goto(...args)
      await waitForApp(page)
      return response
    }
    page.reload = async (...args) => {
      const response = await reload(...args)
      await waitForApp(page)
      return response
    }
  },
}
