import { test } from '@japa/runner'
import { launchChromium } from '#tests/helpers/chromium'

test.group('Browser suite | Chromium launcher', () => {
  test('fails with install instructions when no Chromium is found', async ({ assert }) => {
    await assert.rejects(
      () => launchChromium({ headless: true }, '/nowhere/chromium'),
      'No Chromium at /nowhere/chromium. Install one ("sudo apt-get install -y chromium" on ' +
        'Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium or Chrome binary.'
    )
  })
})
