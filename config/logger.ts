import env from '#start/env'

import { defineConfig, syncDestination } from '@adonisjs/core/logger'

/*
|--------------------------------------------------------------------------
| Logger
|--------------------------------------------------------------------------
|
| Structured JSON lines on stdout in production (one object per line, with
| the request id of the HTTP request that wrote it); pretty printed lines
| in a development terminal.
|
*/
const isDev = env.get('NODE_ENV') === 'development'

const loggerConfig = defineConfig({
  default: 'app',

  loggers: {
    app: {
      enabled: true,
      name: env.get('APP_NAME', 'atrium'),
      level: env.get('LOG_LEVEL'),
      redact: {
        paths: ['password', '*.password', 'headers.cookie', 'headers.authorization'],
        censor: '[redacted]',
      },
      destination: isDev ? await syncDestination() : undefined,
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
