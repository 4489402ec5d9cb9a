import { AssertionError } from 'node:assert'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Locator } from 'playwright'
import type { Decorator } from '@japa/browser-client/types'

/** How long an assertion retries before it fails, as the browser client's own default. */
const TIMEOUT_MS = 5000

/** The pause between two tries. */
const EVERY_MS = 100

/** How long one try waits for a missing element before it counts as a failed try. */
const TRY_MS = 500

/**
 * Retries `check` until it passes, and throws its last failure once `TIMEOUT_MS` is past. Unlike
 * the browser client's own retry, a try still running when the time runs out cannot turn the
 * assertion into a pass.
 */
async function retried(check: () => Promise<void>) {
  const deadline = Date.now() + TIMEOUT_MS
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() >= deadline) {
        if (error instanceof Error) error.message += `, timed out after ${TIMEOUT_MS}ms`
        throw error
      }
      await sleep(EVERY_MS)
    }
  }
}

/** What an assertion is about: a selector, or a locator. */
type Selector = string | Locator

function nameOf(selector: Selector): string {
  return typeof selector === 'string' ? selector : selector.toString()
}

function failure(message: string, actual?: unknown, expected?: unknown) {
  return new AssertionError({ message, actual, expected })
}

/** What `read` gives of the one element `selector` finds; a missing element fails the try. */
async function readOf<T>(selector: Selector, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw failure(`expected '${nameOf(selector)}' element to exist`)
    }
    throw error
  }
}

/**
 * A browser-client decorator: the assertions that ask the page (exists, not exists, count,
 * visible, not visible, title, text, text contains, input value), retried so that they fail when
 * they should. The browser client's retry settles on a pass when its time runs out during a try,
 * which a try waiting 2 s for an element that never comes nearly always is: an `assertText` on a
 * toast that had gone passed. Same names, arguments and messages. The URL and path assertions
 * answer at once and cannot meet the flaw; the checked and disabled ones are unused here.
 */
export const assertionsThatFail: Decorator = {
  page(page) {
    const locate = (selector: Selector) =>
      typeof selector === 'string' ? page.locator(selector) : selector

    page.assertExists = (selector: Selector) =>
      retried(async () => {
        if ((await locate(selector).count()) === 0) {
          throw failure(`expected '${nameOf(selector)}' element to exist`)
        }
      })
    page.assertNotExists = (selector: Selector) =>
      retried(async () => {
        if ((await locate(selector).count()) !== 0) {
          throw failure(`expected '${nameOf(selector)}' element to not exist`)
        }
      })
    page.assertElementsCount = (selector: Selector, expected: number) =>
      retried(async () => {
        const actual = await locate(selector).count()
        if (actual !== expected) {
          throw failure(
            `expected '${nameOf(selector)}' to have '${expected}' elements`,
            actual,
            expected
          )
        }
      })
    page.assertVisible = (selector: Selector) =>
      retried(async () => {
        if (!(await locate(selector).isVisible())) {
          throw failure(`expected '${nameOf(selector)}' element to be visible`)
        }
      })
    page.assertNotVisible = (selector: Selector) =>
      retried(async () => {
        if (await locate(selector).isVisible()) {
          throw failure(`expected '${nameOf(selector)}' element to be not visible`)
        }
      })
    page.assertTitle = (expected: string) =>
      retried(async () => {
        const actual = await page.title()
        if (actual !== expected) {
          throw failure(`expected page title '${actual}' to equal '${expected}'`, actual, expected)
        }
      })
    page.assertText = (selector: Selector, expected: string) =>
      retried(async () => {
        const actual = await readOf(selector, () => locate(selector).innerText({ timeout: TRY_MS }))
        if (actual !== expected) {
          throw failure(
            `expected '${nameOf(selector)}' inner text to equal '${expected}'`,
            actual,
            expected
          )
        }
      })
    page.assertTextContains = (selector: Selector, expected: string) =>
      retried(async () => {
        const actual = await readOf(selector, () => locate(selector).innerText({ timeout: TRY_MS }))
        if (!actual.includes(expected)) {
          throw failure(
            `expected '${nameOf(selector)}' inner text to include '${expected}'`,
            actual
          )
        }
      })
    page.assertInputValue = (selector: Selector, expected: string) =>
      retried(async () => {
        const actual = await readOf(selector, () =>
          locate(selector).inputValue({ timeout: TRY_MS })
        )
        if (actual !== expected) {
          throw failure(
            `expected '${nameOf(selector)}' value to equal '${expected}'`,
            actual,
            expected
          )
        }
      })
  },
}
