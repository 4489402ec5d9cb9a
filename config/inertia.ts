import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/inertia'

/*
|--------------------------------------------------------------------------
| Inertia
|--------------------------------------------------------------------------
|
| Every first visit is server rendered (in development through Vite's
| module runner, in production from the prebuilt bundle); later visits
| are Inertia XHRs that return JSON. History entries are encrypted (the
| browser needs a secure context: HTTPS, or localhost in development), and
| logging out clears them, so Back shows nothing of the account afterwards.
|
*/
/**
 * The built assets' version, hashed once at boot from the Vite manifest (instead of on every
 * request). Undefined in development, where the dev server serves the assets.
 */
function builtAssetsVersion(): string | undefined {
  const manifest = app.publicPath('assets/.vite/manifest.json')
  if (!app.inProduction || !existsSync(manifest)) return undefined
  return createHash('md5').update(readFileSync(manifest)).digest('hex')
}

const inertiaConfig = defineConfig({
  rootView: 'inertia_layout',
  assetsVersion: builtAssetsVersion(),
  encryptHistory: true,
  ssr: {
    enabled: true,
    entrypoint: 'inertia/ssr.tsx',
  },
})

export default inertiaConfig
