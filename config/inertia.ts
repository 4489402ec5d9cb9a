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
const inertiaConfig = defineConfig({
  rootView: 'inertia_layout',
  encryptHistory: true,
  ssr: {
    enabled: true,
    entrypoint: 'inertia/ssr.tsx',
  },
})

export default inertiaConfig
