/*
|--------------------------------------------------------------------------
| HTTP server entry point
|--------------------------------------------------------------------------
|
| Starts the HTTP server. `node ace serve` runs it in development with
| file watching; `npm start` runs the compiled copy in `build/`.
|
*/

/**
 * A server started without NODE_ENV is a production server: secure cookies,
 * HSTS, no stack traces. "node ace serve" sets development.
 */
process.env.NODE_ENV ??= 'production'

import 'reflect-metadata'
import cluster from 'node:cluster'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { APP_ROOT, importer } from './app_root.js'

/**
 * Stops gracefully: the HTTP server stops accepting and finishes its requests, connections close.
 * A worker of `npm start` then also lets go of its channel to the primary, which would otherwise
 * keep it alive until the primary's shutdown timeout kills it.
 */
let stopping: Promise<void> | undefined
function stop(app: { terminate(): Promise<void> }) {
  // A second signal (Ctrl+C reaches a worker as SIGINT and, through the primary, as SIGTERM)
  // waits for the same stop instead of cutting the requests still in flight.
  stopping ??= app.terminate().then(() => {
    if (cluster.isWorker) process.disconnect()
  })
  return stopping
}

new Ignitor(APP_ROOT, { importer })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => stop(app))
    // Workers of `npm start` also stop gracefully on Ctrl+C, which reaches the whole group.
    app.listenIf(app.managedByPm2 || cluster.isWorker, 'SIGINT', () => stop(app))
  })
  .httpServer()
  .start()
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
