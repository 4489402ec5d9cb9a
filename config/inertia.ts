import { defineConfig } from '@adonisjs/inertia'

/*
|--------------------------------------------------------------------------
| Inertia
|--------------------------------------------------------------------------
|
| Every first visit is server rendered (in development through Vite's
| module runner, in production from the prebuilt bundle); later visits
| are Inertia XHRs that return JSON.
|
*/
const inertiaConfig = defineConfig({
  rootView: 'inertia_layout',
  encryptHistory: false,
  ssr: {
    enabled: true,
    entrypoint: 'inertia/ssr.tsx',
  },
})

export default inertiaConfig
