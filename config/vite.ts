import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/vite'

/*
|--------------------------------------------------------------------------
| Vite (server side)
|--------------------------------------------------------------------------
|
| "buildDirectory" is where the server looks for the SSR bundle: Vite
| writes it to "ssr/server", outside the public folder, so it can never be
| downloaded. The browser bundle and its manifest live in public/assets.
|
*/
const viteBackendConfig = defineConfig({
  buildDirectory: app.makePath('ssr'),
  manifestFile: app.makePath('public/assets/.vite/manifest.json'),
  assetsUrl: '/assets',
  scriptAttributes: {
    defer: true,
  },
})

export default viteBackendConfig
