/*
|--------------------------------------------------------------------------
| The benchmark's ceiling (not part of the app)
|--------------------------------------------------------------------------
|
| A frameworkless server doing W1, W2, W3 and W5's work on Atrium's
| database: node:http and node:cluster with as many workers as Atrium,
| named statements on PostgreSQL (pg) or prepared ones on SQLite
| (better-sqlite3), a signed session cookie checked against its
| user_sessions row, CSRF on writes. `npm run bench -- --ceiling` starts it
| beside Atrium and reports Atrium ÷ ceiling.
|
|   CEILING_DB=sqlite|pg  SQLITE_FILE | DB_HOST DB_PORT DB_USER DB_PASSWORD
|   DB_DATABASE  DB_POOL_MAX  CEILING_WORKERS  HOST  PORT  CEILING_SECRET
|   CEILING_VERSION (Atrium's asset version)  CEILING_LOGIN_HTML (a file)
|
*/

import cluster from 'node:cluster'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import { handle } from './app.ts'
import { pgDatabase } from './pg_database.ts'
import { sqliteDatabase } from './sqlite_database.ts'
import { SessionSigner } from './session_cookie.ts'
import type { CeilingContext } from './context.ts'

const env = process.env

function readBody(request: IncomingMessage): Promise<string> {
  if (request.method === 'GET' || request.method === 'HEAD') return Promise.resolve('')
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString()))
    request.on('error', reject)
  })
}

if (cluster.isPrimary) {
  const workers = Number(env.CEILING_WORKERS ?? 2)
  for (let index = 0; index < workers; index++) cluster.fork()
  cluster.on('exit', (_worker, code) => {
    if (code !== 0) process.exitCode = code ?? 1
  })
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM')
  })
} else {
  const context: CeilingContext = {
    db:
      env.CEILING_DB === 'pg'
        ? pgDatabase({
            host: env.DB_HOST,
            port: Number(env.DB_PORT ?? 5432),
            user: env.DB_USER,
            password: env.DB_PASSWORD || undefined,
            database: env.DB_DATABASE,
            max: Number(env.DB_POOL_MAX ?? 10),
          })
        : sqliteDatabase(env.SQLITE_FILE!),
    signer: new SessionSigner(env.CEILING_SECRET!),
    version: env.CEILING_VERSION ?? '',
    loginHtml: readFileSync(env.CEILING_LOGIN_HTML!),
    secureCookies: true,
  }
  const server = createServer(async (request, response) => {
    try {
      const answer = await handle(context, {
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body: await readBody(request),
      })
      response.writeHead(answer.status, answer.headers)
      response.end(answer.body)
    } catch (error) {
      console.error(error)
      response.writeHead(500, { 'content-type': 'text/plain' })
      response.end('Server error')
    }
  })
  server.keepAliveTimeout = 5000
  server.listen(Number(env.PORT), env.HOST ?? '127.0.0.1')
  process.on('SIGTERM', () => server.close(() => context.db.close().then(() => process.exit(0))))
}
