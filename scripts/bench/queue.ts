import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { DatabaseSync } from 'node:sqlite'
import pg from 'pg'
import { startServer } from './server.ts'
import { Visitor } from './visitor.ts'

/** The engines the queue benchmark runs on. */
export type QueueEngine = 'sqlite' | 'pg' | 'redis'

const ENGINE_TITLES: Record<QueueEngine, string> = {
  sqlite: 'SQLite',
  pg: 'PostgreSQL',
  redis: 'Redis',
}

/** How much the queue benchmark measures. */
export type QueueBenchSettings = {
  engines: QueueEngine[]
  jobs: number
  mails: number
  calls: number
  concurrency: number
  /** Timed POST /forgot-password requests (on SQLite), after 10 untimed ones. */
  requests: number
  /** Times `queue:bench` runs per engine; each measure reports its median round. */
  rounds: number
}

/** What `node ace queue:bench --out` writes (tooling/sample_data/queue_bench.ts). */
type Throughput = { jobs: number; completed: number; failed: number; ms: number }
type Latency = { calls: number; p50Ms: number; p95Ms: number }
type EngineFigures = {
  engine: string
  throughput: { noop: Throughput; mail: Throughput }
  enqueue: { noop: Latency; mail: Latency; mailInTransaction: Latency }
  http?: Latency
  /** The machine's load average over the last minute, as the engine's run started. */
  loadAverage?: number
}

/** One engine's figures, or why it has none. */
type EngineRun = { engine: QueueEngine; skipped: string | null; figures: EngineFigures | null }

const PG_DATABASE = process.env.BENCH_QUEUE_PG_DATABASE ?? 'atrium_bench_queue'
const REDIS_URL =
  process.env.BENCH_REDIS_URL ?? `redis://${process.env.REDIS_HOST ?? '127.0.0.1'}:6379/0`
const HTTP_WARM_UPS = 10

function run(command: string[], cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`node ${command.join(' ')} exited ${code}`))
    )
  })
}

function pgOptions(database: string) {
  return {
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USER ?? 'root',
    password: process.env.DB_PASSWORD || undefined,
    database,
  }
}

/** Whether PostgreSQL answers; recreates the benchmark's database when it does. */
async function freshPgDatabase(): Promise<boolean> {
  const client = new pg.Client({
    ...pgOptions(process.env.BENCH_PG_ADMIN_DATABASE ?? 'postgres'),
    connectionTimeoutMillis: 2000,
  })
  try {
    await client.connect()
  } catch {
    return false
  }
  try {
    await client.query(`drop database if exists "${PG_DATABASE}" with (force)`)
    await client.query(`create database "${PG_DATABASE}"`)
  } finally {
    await client.end()
  }
  return true
}

/** Whether Redis answers PING at `url`. */
function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) })
    const done = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(2000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

/** The app's environment for one engine, on a database of the benchmark's own. */
function engineEnv(engine: QueueEngine, root: string): Record<string, string> {
  const base = {
    NODE_ENV: 'production',
    APP_KEY: 'benchmark-only-key-0123456789abcdefgh',
    APP_URL: 'http://127.0.0.1',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    MAIL_MAILER: 'mailbox',
    SESSION_DRIVER: 'cookie',
    LIMITER_STORE: 'database',
  }
  if (engine === 'pg') {
    const options = pgOptions(PG_DATABASE)
    return {
      ...base,
      QUEUE_DRIVER: 'database',
      DB_CONNECTION: 'pg',
      DB_HOST: options.host,
      DB_PORT: String(options.port),
      DB_USER: options.user,
      DB_PASSWORD: options.password ?? '',
      DB_DATABASE: PG_DATABASE,
    }
  }
  return {
    ...base,
    DB_CONNECTION: 'sqlite',
    SQLITE_FILE: `${root}tmp/bench/queue-${engine}.sqlite3`,
    ...(engine === 'redis' ? { QUEUE_DRIVER: 'redis', REDIS_URL } : { QUEUE_DRIVER: 'database' }),
  }
}

/**
 * POSTs /forgot-password for `count` existing accounts (bench users, one request each: the reset
 * form allows 3 per address and IP), one after the other, and returns their latency. The request
 * queues a reset mail in the transaction that stores the token (the outbox). Refused (thrown)
 * when an answer is not the redirect back to the form, or when not every request queued its mail.
 */
async function forgotPasswordLatency(
  buildDir: string,
  env: Record<string, string>,
  count: number
): Promise<Latency> {
  const server = await startServer(buildDir, env)
  const samples: number[] = []
  try {
    const visitor = new Visitor(server.url)
    await visitor.request('/forgot-password')
    for (let index = 1; index <= count + HTTP_WARM_UPS; index++) {
      const started = performance.now()
      const response = await visitor.request('/forgot-password', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-xsrf-token': visitor.xsrfToken,
        },
        body: new URLSearchParams({ email: `member${index}@bench.atrium.test` }).toString(),
      })
      const ms = performance.now() - started
      await response.arrayBuffer()
      if (response.status !== 302 || response.headers.get('location') !== '/forgot-password') {
        throw new Error(
          `POST /forgot-password answered ${response.status}: wrong answer, no figure`
        )
      }
      if (index > HTTP_WARM_UPS) samples.push(ms)
    }
  } finally {
    const code = await server.stop()
    if (code !== 0) console.log(`The server exited with ${code}:\n${server.output()}`)
  }
  const sqlite = new DatabaseSync(env.SQLITE_FILE, { readOnly: true })
  const queued = sqlite
    .prepare(
      `select count(*) as total from queue_jobs where data like '%ResetPasswordNotification%'`
    )
    .get() as { total: number }
  sqlite.close()
  if (queued.total !== count + HTTP_WARM_UPS) {
    throw new Error(`${queued.total} reset mails queued for ${count + HTTP_WARM_UPS} requests`)
  }
  samples.sort((a, b) => a - b)
  const middle = Math.floor(samples.length / 2)
  const p50Ms =
    samples.length % 2 === 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2
  const p95Ms = samples[Math.max(1, Math.ceil(0.95 * samples.length)) - 1]
  return { calls: samples.length, p50Ms, p95Ms }
}

/** Gives the engine a new database, migrated, and returns its environment; or why it is skipped. */
async function prepareEngine(
  engine: QueueEngine,
  root: string,
  buildDir: string
): Promise<{ env: Record<string, string> } | { skipped: string }> {
  if (engine === 'pg' && !(await freshPgDatabase())) return { skipped: 'skipped: no PostgreSQL' }
  if (engine === 'redis' && !(await redisAnswers(REDIS_URL)))
    return { skipped: 'skipped: no Redis' }
  const env = engineEnv(engine, root)
  if (env.SQLITE_FILE) {
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(`${env.SQLITE_FILE}${suffix}`, { force: true })
  }
  await run(['ace.js', 'migration:run', '--force'], buildDir, env)
  return { env }
}

/** Runs `node ace queue:bench` once on the engine (it clears the queue after) and reads its figures. */
async function measureEngine(
  engine: QueueEngine,
  env: Record<string, string>,
  root: string,
  buildDir: string,
  settings: QueueBenchSettings
): Promise<EngineFigures> {
  const out = `${root}tmp/bench/queue-${engine}.json`
  rmSync(out, { force: true })
  console.log(`\n${ENGINE_TITLES[engine]}: node ace queue:bench`)
  const loadAverage = loadavg()[0]
  await run(
    [
      'ace.js',
      'queue:bench',
      '--force',
      `--jobs=${settings.jobs}`,
      `--mails=${settings.mails}`,
      `--calls=${settings.calls}`,
      `--concurrency=${settings.concurrency}`,
      `--out=${out}`,
    ],
    buildDir,
    env
  )
  return { ...(JSON.parse(readFileSync(out, 'utf8')) as EngineFigures), loadAverage }
}

/** The item with the median `value` (the lower of the middle two). */
function medianBy<T>(items: T[], value: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => value(a) - value(b))
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

/** Each measure's median round: jobs/s for a worker's batch, p50 for a kind of call. */
function medianFigures(rounds: EngineFigures[]): EngineFigures {
  const rate = (batch: Throughput) => batch.completed / batch.ms
  const pick = <T>(of: (figures: EngineFigures) => T, value: (item: T) => number) =>
    medianBy(rounds.map(of), value)
  return {
    engine: rounds[0].engine,
    throughput: {
      noop: pick((f) => f.throughput.noop, rate),
      mail: pick((f) => f.throughput.mail, rate),
    },
    enqueue: {
      noop: pick(
        (f) => f.enqueue.noop,
        (calls) => calls.p50Ms
      ),
      mail: pick(
        (f) => f.enqueue.mail,
        (calls) => calls.p50Ms
      ),
      mailInTransaction: pick(
        (f) => f.enqueue.mailInTransaction,
        (calls) => calls.p50Ms
      ),
    },
    loadAverage: medianBy(rounds, (f) => f.loadAverage ?? 0).loadAverage,
  }
}

/** Creates the bench users on SQLite and times the password reset request. */
async function httpLatency(env: Record<string, string>, buildDir: string, requests: number) {
  await run(
    [
      'ace.js',
      'seed:large',
      '--projects=1',
      '--tasks=1',
      '--comments=0',
      '--members=1',
      `--users=${requests + HTTP_WARM_UPS}`,
      '--force',
    ],
    buildDir,
    env
  )
  console.log(`SQLite: ${requests} × POST /forgot-password`)
  return forgotPasswordLatency(buildDir, env, requests)
}

const ROWS: [string, (figures: EngineFigures) => string | null][] = [
  ['Worker, no-op jobs (jobs/s)', (f) => perSecond(f.throughput.noop)],
  ['Worker, mail jobs (jobs/s)', (f) => perSecond(f.throughput.mail)],
  ['enqueue(NoopJob) p50 / p95 ms', (f) => latency(f.enqueue.noop)],
  ['queueMail() p50 / p95 ms', (f) => latency(f.enqueue.mail)],
  ['queueMail() in a transaction p50 / p95 ms', (f) => latency(f.enqueue.mailInTransaction)],
  ['HTTP POST /forgot-password p50 / p95 ms', (f) => (f.http ? latency(f.http) : null)],
  ['Load average (1 min) at the start', (f) => f.loadAverage?.toFixed(1) ?? null],
]

function perSecond(batch: Throughput): string {
  const rate = Math.round(batch.completed / (batch.ms / 1000)).toLocaleString('en-US')
  return batch.failed > 0 ? `${rate} (${batch.failed} failed)` : rate
}

function latency(calls: Latency): string {
  return `${calls.p50Ms.toFixed(2)} / ${calls.p95Ms.toFixed(2)}`
}

/** The figures as rows of cells: a measure per row, an engine per column. */
function tableRows(runs: EngineRun[]): string[][] {
  const head = ['Measure', ...runs.map((each) => ENGINE_TITLES[each.engine])]
  const rows = ROWS.map(([label, cell]) => [
    label,
    ...runs.map((each) => (each.figures ? (cell(each.figures) ?? '–') : each.skipped!)),
  ])
  return [head, ...rows]
}

function settingsLine(settings: QueueBenchSettings): string {
  return (
    `Worker: node ace queue:work --concurrency ${settings.concurrency}, timed from the moment it ` +
    `takes jobs until ${settings.jobs} no-op / ${settings.mails} mail jobs enqueued up front ` +
    `are finished. Enqueue: ${settings.calls} calls in-process one after the other, no worker ` +
    `running. HTTP: ${settings.requests} sequential requests on SQLite, each queueing a reset ` +
    `mail through the outbox. ${settings.rounds > 1 ? `Median of ${settings.rounds} rounds. ` : ''}` +
    `Machine: ${cpus().length} CPU cores.`
  )
}

/**
 * The queue benchmark (`npm run bench -- queue`): per engine (SQLite, PostgreSQL, Redis; an
 * engine whose service does not answer is skipped), `node ace queue:bench` on a new database of
 * its own, then on SQLite the latency of a password reset request that queues a mail. Prints one
 * table, an engine per column, and writes tmp/bench/queue.json and queue.md.
 */
export async function benchmarkQueue(root: string, buildDir: string, settings: QueueBenchSettings) {
  const unknown = settings.engines.filter((engine) => !(engine in ENGINE_TITLES))
  if (unknown.length > 0) throw new Error(`Unknown engines: ${unknown.join(', ')}`)
  mkdirSync(`${root}tmp/bench`, { recursive: true })
  if (!existsSync(`${buildDir}/commands/queue_bench.js`)) {
    throw new Error('The build has no queue:bench command: run again with --build')
  }
  const prepared = []
  for (const engine of settings.engines) {
    prepared.push({ engine, ...(await prepareEngine(engine, root, buildDir)) })
  }
  // Rounds interleave the engines, so that a busy moment of a shared machine hits them all.
  const rounds = new Map<QueueEngine, EngineFigures[]>()
  for (let round = 1; round <= settings.rounds; round++) {
    for (const each of prepared) {
      if (!('env' in each)) continue
      const figures = await measureEngine(each.engine, each.env, root, buildDir, settings)
      rounds.set(each.engine, [...(rounds.get(each.engine) ?? []), figures])
    }
  }
  const runs: EngineRun[] = prepared.map((each) =>
    'env' in each
      ? { engine: each.engine, skipped: null, figures: medianFigures(rounds.get(each.engine)!) }
      : { engine: each.engine, skipped: each.skipped, figures: null }
  )
  const sqlite = prepared.find((each) => each.engine === 'sqlite')
  const sqliteRun = runs.find((each) => each.engine === 'sqlite')
  if (sqlite && 'env' in sqlite && sqliteRun?.figures && settings.requests > 0) {
    sqliteRun.figures.http = await httpLatency(sqlite.env, buildDir, settings.requests)
  }

  const rows = tableRows(runs)
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  console.log(`\nQueue benchmark. ${settingsLine(settings)}`)
  for (const row of rows) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '))
  }

  const markdown = [
    '# Atrium queue benchmark',
    '',
    settingsLine(settings),
    '',
    `| ${rows[0].join(' | ')} |`,
    `|${rows[0].map(() => ' --- ').join('|')}|`,
    ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n')
  const allRounds = Object.fromEntries(rounds)
  writeFileSync(
    `${root}tmp/bench/queue.json`,
    JSON.stringify({ settings, runs, rounds: allRounds }, null, 2)
  )
  writeFileSync(`${root}tmp/bench/queue.md`, markdown)
  console.log(`\nWritten: ${root}tmp/bench/queue.json, ${root}tmp/bench/queue.md`)
}
