import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import pg from 'pg'

/** The databases the benchmark runs on. */
export type BenchDatabase = 'sqlite' | 'pg'

/** How much data: projects × tasks × comments per task (the seed:large flags). */
export type SeedSize = { projects: number; tasks: number; comments: number }

/** What the seeded database offers the workloads, and what seeding it cost. */
export type SeededDatabase = { firstProjectId: number; seedSeconds: number | null }

const PG_DATABASE = process.env.BENCH_PG_DATABASE ?? 'atrium_bench'

/** The environment that points the app at the benchmark's database. */
export function databaseEnv(database: BenchDatabase, root: string): Record<string, string> {
  if (database === 'sqlite') {
    return { DB_CONNECTION: 'sqlite', SQLITE_FILE: `${root}tmp/bench/bench.sqlite3` }
  }
  return {
    DB_CONNECTION: 'pg',
    DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
    DB_PORT: process.env.DB_PORT ?? '5432',
    DB_USER: process.env.DB_USER ?? 'root',
    DB_PASSWORD: process.env.DB_PASSWORD ?? '',
    DB_DATABASE: PG_DATABASE,
  }
}

function run(command: string[], cwd: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      process.stdout.write(chunk)
    })
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`node ${command.join(' ')} exited ${code}`))
    )
  })
}

/** Runs statements on the PostgreSQL server, outside any transaction (for VACUUM). */
async function onPg(env: Record<string, string>, database: string, statements: string[]) {
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database,
  })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * Gives the benchmark a database of `size`: the one seeded by an earlier run when it has that
 * size (a marker file records it), else a new one, migrated and filled by `node ace seed:large`.
 */
export async function prepareDatabase(options: {
  database: BenchDatabase
  root: string
  buildDir: string
  /** The app's environment (database variables included) for `node ace`. */
  appEnv: Record<string, string>
  size: SeedSize
  reseed: boolean
}): Promise<SeededDatabase> {
  const { database, root, buildDir, size } = options
  const env: Record<string, string> = { HOST: '127.0.0.1', PORT: '0', ...options.appEnv }
  const markerFile = `${root}tmp/bench/${database}.seed.json`
  mkdirSync(`${root}tmp/bench`, { recursive: true })

  if (!options.reseed && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'))
    const sameSize = JSON.stringify(marker.size) === JSON.stringify(size)
    if (sameSize && (database === 'pg' || existsSync(env.SQLITE_FILE))) {
      console.log(`Reusing the ${database} data seeded earlier (--reseed to start over).`)
      return { firstProjectId: marker.firstProjectId, seedSeconds: null }
    }
  }

  if (database === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(`${env.SQLITE_FILE}${suffix}`, { force: true })
  } else {
    await onPg(env, process.env.BENCH_PG_ADMIN_DATABASE ?? 'postgres', [
      `drop database if exists "${PG_DATABASE}" with (force)`,
      `create database "${PG_DATABASE}"`,
    ])
  }
  await run(['ace.js', 'migration:run', '--force'], buildDir, env)
  const started = Date.now()
  const output = await run(
    [
      'ace.js',
      'seed:large',
      `--projects=${size.projects}`,
      `--tasks=${size.tasks}`,
      `--comments=${size.comments}`,
      // The bench server runs with NODE_ENV=production, where seed:large asks for --force.
      '--force',
    ],
    buildDir,
    env
  )
  const seedSeconds = (Date.now() - started) / 1000
  // A database freshly bulk-loaded has no visibility map yet: index-only scans would visit every
  // row until autovacuum comes by. A production database that has lived a while has one.
  if (database === 'pg') await onPg(env, PG_DATABASE, ['VACUUM ANALYZE'])
  const firstProjectId = Number(output.match(/owns project (\d+)/)?.[1])
  if (!firstProjectId) throw new Error('seed:large did not say which project bench user 1 owns')

  writeFileSync(markerFile, JSON.stringify({ size, firstProjectId, seedSeconds }, null, 2))
  return { firstProjectId, seedSeconds }
}
