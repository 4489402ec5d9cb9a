import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import { openTotpSecret } from '#services/two_factor/totp_secret'

/** The password every factory user has. */
const PASSWORD = 'password-123'

/** "Turn on" with the password, as the settings page's dialog sends it. */
export function startSetup(client: ApiClient, user: User) {
  return client
    .post('/settings/two-factor')
    .withCsrfToken()
    .loginAs(user)
    .form({ password: PASSWORD })
    .redirects(0)
}

/** "Turn on", then the new secret the page shows for the app to scan (not yet in force). */
export async function startSetupForSecret(client: ApiClient, user: User): Promise<string> {
  await startSetup(client, user)
  await user.refresh()
  return openTotpSecret(user.twoFactorSecret)!
}

/** The first code from the app, sent from the settings page to confirm the setup. */
export function confirmSetup(client: ApiClient, user: User, code: string) {
  return client
    .put('/settings/two-factor')
    .withCsrfToken()
    .header('referer', '/settings/two-factor')
    .loginAs(user)
    .form({ code })
    .redirects(0)
}
