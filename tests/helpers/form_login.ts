import app from '@adonisjs/core/services/app'
import type User from '#models/user'
import { CookieClient } from '#tests/helpers/cookie_client'
import { testServerUrl } from '#tests/helpers/test_server'

/**
 * A browser that logged in through the login form, as people do: its session carries the key
 * that names its user_sessions row, so each request takes the same path as a real visitor's
 * (unlike `loginAs`, which puts only the user's id in the session).
 */
export class LoggedInBrowser {
  readonly cookies = new CookieClient()

  /** Loads the login page (session and XSRF cookies) and submits the form. */
  static async as(user: User, password = 'password-123'): Promise<LoggedInBrowser> {
    const browser = new LoggedInBrowser()
    await browser.cookies.get(testServerUrl('/login'))
    const response = await browser.cookies.post(testServerUrl('/login'), {
      email: user.email,
      password,
    })
    const location = response.headers.get('location')
    if (response.status !== 302 || location === '/login') {
      throw new Error(`Logging in as ${user.email} failed (${response.status} to ${location})`)
    }
    return browser
  }

  /** An Inertia visit of `path`, as the client router makes it after the first page. */
  visit(path: string): Promise<Response> {
    return this.cookies.get(testServerUrl(path), {
      'x-inertia': 'true',
      'x-inertia-version': String(app.config.get('inertia.assetsVersion', '') || '1'),
      'x-requested-with': 'XMLHttpRequest',
      'accept': 'text/html, application/xhtml+xml',
    })
  }
}
