import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright'

type LauncherOptions = { headless?: boolean; slowMo?: number }

/** Where the browser suite finds Chromium: CHROMIUM_PATH, or Debian's package location. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Flags for a headless Chromium run as root on a closed network: no sandbox (root), no GPU, and no
 * background traffic to Google's services.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/**
 * Launches the system Chromium for the browser suite. Without a browser it throws, saying how to
 * install one: the suite fails rather than skipping.
 */
export async function launchChromium(
  options: LauncherOptions,
  executablePath: string = CHROMIUM_PATH
): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install one ("sudo apt-get install -y chromium" on ` +
        'Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium or Chrome binary.'
    )
  }
  return chromium.launch({
    slowMo: options.slowMo,
    headless: options.headless ?? true,
    executablePath,
    args: CHROMIUM_ARGS,
  })
}
