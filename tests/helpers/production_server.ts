import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { get, type IncomingHttpHeaders } from 'node:http'
import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root (where package.json is). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Builds the app for production as "npm run build" does; throws with the output on failure. The
 * build runs with the test environment's variables (.env.test), so it needs no .env file.
 */
export function buildForProduction() {
  if (built) return
  const result = spawnSync(process.execPath, ['ace.js', 'build'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test', CI: 'true' },
  })
  if (result.status !== 0) {
    throw new Error(`"node ace build" failed:\n${result.stdout}\n${result.stderr}`)
  }
  built = true
}

/** Whether this test run built the app already (the production files share one build). */
let built = false

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * The environment that points a production server at this test run's own backends: its database
 * (PostgreSQL when DB_CONNECTION=pg, else its SQLite file), so tests can make users with the
 * models, and Redis when REDIS_URL or REDIS_HOST is set (sessions and rate limits then live
 * there; else in the signed cookie and the database).
 */
export function sharedBackends(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {}
  const pass = [
    'DB_CONNECTION',
    'DB_HOST',
    'DB_PORT',
    'DB_USER',
    'DB_PASSWORD',
    'DB_DATABASE',
    'DATABASE_URL',
    'REDIS_URL',
    'REDIS_HOST',
    'REDIS_PORT',
    'REDIS_PASSWORD',
  ]
  for (const name of pass) if (process.env[name] !== undefined) env[name] = process.env[name]!
  const sqliteFile = process.env.SQLITE_FILE ?? 'tmp/test.sqlite3'
  env.SQLITE_FILE = isAbsolute(sqliteFile) ? sqliteFile : `${PROJECT_ROOT}${sqliteFile}`
  // The stores are left to choose themselves, as in a deployment: Redis when it is configured.
  env.SESSION_DRIVER = undefined
  return env
}

/** A production server started from build/, and how to reach and stop it. */
export type ProductionServer = {
  url: string
  port: number
  process: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/** How to start a production server: which entry point, and environment on top of the base. */
export type ProductionServerOptions = {
  /** bin/server.js (one process, the default) or bin/start.js (what `npm start` runs). */
  entry?: 'bin/server.js' | 'bin/start.js'
  /** Variables to add, or to remove from the base (undefined), e.g. SESSION_DRIVER. */
  env?: Record<string, string | undefined>
  port?: number
}

/**
 * Starts build/bin/server.js the way a deployment would: from the build folder, with only the
 * environment a production host provides (no .env file, NODE_ENV unset so the server defaults to
 * production). Resolves once /health/live answers.
 */
export async function startProductionServer(
  options: ProductionServerOptions = {}
): Promise<ProductionServer> {
  const port = options.port ?? (await freePort())
  mkdirSync(`${PROJECT_ROOT}tmp`, { recursive: true })
  const child: ChildProcess = spawn(process.execPath, [options.entry ?? 'bin/server.js'], {
    cwd: `${PROJECT_ROOT}build`,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_KEY: 'production-check-key-0123456789abcdef',
      APP_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'info',
      SESSION_DRIVER: 'cookie',
      DB_CONNECTION: 'sqlite',
      SQLITE_FILE: `${PROJECT_ROOT}tmp/production-check.sqlite3`,
      ...options.env,
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The production server exited:\n${output}`)
    try {
      const response = await fetch(`${url}/health/live`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL')
    throw new Error(`The production server did not answer within 30 s:\n${output}`)
  }

  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** A raw HTTP response: status, headers and the body bytes exactly as sent (not decompressed). */
export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** GETs a URL without any automatic decompression, to see the bytes the server sends. */
export function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          body: Buffer.concat(chunks),
        })
      )
    }).on('error', reject)
  })
}
