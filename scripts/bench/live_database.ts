// The live suite's environment and its own database, migrated and seeded anew for each run.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import pg from 'pg'
import { databaseEnv } from './database.ts'
import type { LiveBenchSettings } from './live_settings.ts'

/** The live suite's own data, apart from the http suite's seeded database. */
const SIZE = { projects: 1, tasks: 20, comments: 0 }
const PG_DATABASE = process.env.BENCH_LIVE_PG_DATABASE ?? 'atrium_bench_live'

/** The environment of the production server on the live suite's database. */
export function liveEnv(settings: LiveBenchSettings, root: string): Record<string, string> {
  const database = databaseEnv(settings.database, root)
  return {
    ...database,
    ...(settings.database === 'pg'
      ? { DB_DATABASE: PG_DATABASE }
      : { SQLITE_FILE: `${root}tmp/bench/live.sqlite3` }),
    NODE_ENV: 'production',
    APP_KEY: 'benchmark-only-key-0123456789abcdefgh',
    APP_URL: 'http://127.0.0.1',
    // Only problems, so that the kept tail of the output holds them all.
    LOG_LEVEL: 'warn',
    WEB_CONCURRENCY: String(settings.workers),
    // Web processes only: their memory is the streams' memory.
    QUEUE_WORKERS: '0',
    ...(settings.redis
      ? { REDIS_HOST: process.env.REDIS_HOST ?? '127.0.0.1' }
      : { SESSION_DRIVER: 'cookie', LIMITER_STORE: 'database' }),
  }
}

/** Runs `node ace` with `args` in the build, on `env`: what it printed. */
function runAce(args: string[], buildDir: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['ace.js', ...args], {
      cwd: buildDir,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`node ace ${args[0]} exited ${code}`))
    )
  })
}

/**
 * A new database for each run, migrated, with one project of 20 tasks and `members` bench users
 * as its members (user 1 its owner): the project's id.
 */
export async function prepareLiveDatabase(
  env: Record<string, string>,
  buildDir: string,
  members: number
) {
  if (env.DB_CONNECTION === 'pg') {
    const client = new pg.Client({
      host: env.DB_HOST,
      port: Number(env.DB_PORT),
      user: env.DB_USER,
      password: env.DB_PASSWORD || undefined,
      database: process.env.BENCH_PG_ADMIN_DATABASE ?? 'postgres',
    })
    await client.connect()
    await client.query(`drop database if exists "${PG_DATABASE}" with (force)`)
    await client.query(`create database "${PG_DATABASE}"`)
    await client.end()
  } else {
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(`${env.SQLITE_FILE}${suffix}`, { force: true })
  }
  await runAce(['migration:run', '--force'], buildDir, env)
  const output = await runAce(
    [
      'seed:large',
      `--projects=${SIZE.projects}`,
      `--tasks=${SIZE.tasks}`,
      `--comments=${SIZE.comments}`,
      `--members=${members}`,
      `--users=${members}`,
      '--force',
    ],
    buildDir,
    env
  )
  const projectId = Number(output.match(/owns project (\d+)/)?.[1])
  if (!projectId) throw new Error('seed:large did not say which project bench user 1 owns')
  return projectId
}
