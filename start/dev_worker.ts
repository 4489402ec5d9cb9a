/*
|--------------------------------------------------------------------------
| A queue worker beside the development server
|--------------------------------------------------------------------------
|
| `npm run dev` runs background jobs in the web process, so mails and
| exports work without a second terminal. QUEUE_WORKERS=0 turns it off
| (run `node ace queue:work` yourself then). Production runs workers in
| processes of their own (bin/start.ts, or the Procfile's worker line).
|
*/

import env from '#start/env'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { queueDriver } from '#config/queue'

if (app.inDev && queueDriver !== 'sync' && env.get('QUEUE_WORKERS', 1) > 0) {
  app.ready(async () => {
    const { startWorker } = await import('#queue/worker')
    startWorker(app).catch((error) => logger.error({ err: error }, 'the queue worker stopped'))
  })
}
