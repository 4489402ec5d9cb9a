/// <reference lib="dom" />
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { Secret } from '@adonisjs/core/helpers'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AccessToken from '#models/access_token'
import { UserFactory } from '#database/factories/user_factory'
import { clearRateLimits } from '#tests/helpers/accounts'
import { tokenAbilities } from '#services/accounts/token_abilities'

test.group('Access tokens | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('creates a token by keyboard, shows its secret once, then revokes it', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const user = await UserFactory.merge({ emailVerifiedAt: DateTime.now() }).create()
    await browserContext.loginAs(user)
    const page = await visit('/settings/tokens')
    await page.assertVisible('[data-test="no-tokens"]')

    // Name, then Tab past the lifetime to "All", then back to the name and Enter submits.
    await page.getByLabel('Name').focus()
    await page.keyboard.type('CI deploy')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')

    await page.assertVisible('[data-test="new-token"]')
    const secret = (await page.locator('[data-test="new-token-secret"]').textContent())!.trim()
    assert.match(secret, /^atr_/)
    const token = await User.accessTokens.verify(new Secret(secret))
    assert.deepEqual(token?.abilities, tokenAbilities())
    await page.assertTextContains('[data-test="tokens-table"]', 'CI deploy')
    await page.assertTextContains('[data-test="tokens-table"]', 'All abilities')

    // Shown once: the next visit lists the token without its secret.
    await page.reload()
    await page.assertNotExists('[data-test="new-token"]')
    await page.assertTextContains('[data-test="tokens-table"]', 'CI deploy')

    await page.getByRole('button', { name: 'Revoke' }).click()
    await page.getByRole('button', { name: 'Revoke token' }).click()
    await page.assertVisible('[data-test="no-tokens"]')
    assert.lengthOf(await AccessToken.all(), 0)
  })
})
