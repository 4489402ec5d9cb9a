import { defineConfig } from '@adonisjs/static'

/*
|--------------------------------------------------------------------------
| Static files
|--------------------------------------------------------------------------
|
| Serves the public folder (favicon, robots.txt). The hashed build output
| under /assets is served before this by the precompressed assets
| middleware, which also keeps the build's internals out of reach.
|
*/
const staticServerConfig = defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  headers: () => ({}),
})

export default staticServerConfig
