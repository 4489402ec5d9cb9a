/*
|--------------------------------------------------------------------------
| Benchmark (npm run bench)
|--------------------------------------------------------------------------
|
| Seeds a large data set (node ace seed:large), starts the production
| build as `npm start` does, logs in as bench user 1 (and takes an API
| token) and measures the pages' and the API's workloads with autocannon
| on loopback: requests/s, p50/p99 latency, errors and the server's
| memory. Each workload's answer is checked in full first; a wrong answer
| gets no figure. Prints one table per database, the API beside the page
| and the cost of the token check, and writes tmp/bench/results.json and
| results.md.
|
|   npm run bench -- [--db=sqlite,pg] [--duration=10] [--connections=32]
|     [--workers=2] [--projects=100] [--tasks=1000] [--comments=3]
|     [--only=W1,W6,W6s] [--redis] [--limiter-store=memory] [--reseed]
|     [--rounds=3] [--log-level=info] [--ceiling]
|
| `--ceiling` also starts a frameworkless server on the same database
| (scripts/bench/ceiling/), checks that it answers W1, W2, W3 and W5 with
| Atrium's data, measures both in alternating rounds (A B A B A B; three
| rounds unless --rounds says otherwise) and reports Atrium ÷ ceiling.
|
| `npm run bench -- queue` measures the job queue instead, on SQLite,
| PostgreSQL and Redis (an engine whose service does not answer is
| skipped): a worker's jobs/s for no-op and mail jobs, the time of an
| enqueue call, and a request that queues a mail (scripts/bench/queue.ts).
|
|   npm run bench -- queue [--engines=sqlite,pg,redis] [--jobs=2000]
|     [--mails=500] [--calls=500] [--worker-concurrency=4] [--requests=100]
|     [--rounds=3]
|
| `npm run bench -- live` measures live pages instead (scripts/bench/live.ts):
| it holds --clients streams on one project's channel, makes --writes board
| moves one at a time and reports the time to the last stream (p50/p95/p99),
| missed deliveries, the server's memory per stream, and how the streams end
| at SIGTERM. On a small database of its own: one project, 20 tasks, and a
| member for every 20 streams (the server's limit per user and process).
|
|   npm run bench -- live [--clients=1000] [--writes=60] [--db=sqlite]
|     [--redis] [--workers=1]
|
*/

import { randomBytes } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { Visitor } from './bench/visitor.ts'
import { type BenchServer, startCeiling, startServer } from './bench/server.ts'
import { CEILING_KEYS, compareWithCeiling } from './bench/ceiling_check.ts'
import { type Target, ceilingRatio, roundPlan } from './bench/rounds.ts'
import { buildWorkloads, type Workload } from './bench/workloads.ts'
import { buildApiWorkloads } from './bench/api_workloads.ts'
import { apiTokenOf } from './bench/api_token.ts'
import { type QueueEngine, benchmarkQueue } from './bench/queue.ts'
import { benchmarkLive } from './bench/live.ts'
import { type BenchDatabase, databaseEnv, prepareDatabase } from './bench/database.ts'
import {
  type BenchRun,
  type CeilingResult,
  type WorkloadResult,
  medianRound,
  refusedResult,
  writeReport,
} from './bench/report.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const BUILD = `${ROOT}build`

/** Bench user 1 and its password, as tooling/sample_data/large_seed.ts creates them. */
const MEMBER = { email: 'member1@bench.atrium.test', password: 'atrium-bench-2026' }

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    // sqlite,pg for the http suite, sqlite for live.
    'db': { type: 'string' },
    'duration': { type: 'string', default: '10' },
    'warmup': { type: 'string', default: '3' },
    'connections': { type: 'string', default: '32' },
    // 2 for the http suite, 1 for live.
    'workers': { type: 'string' },
    'projects': { type: 'string', default: '100' },
    'tasks': { type: 'string', default: '1000' },
    'comments': { type: 'string', default: '3' },
    'only': { type: 'string' },
    'redis': { type: 'boolean', default: false },
    // Where rate limits are counted, instead of production's choice (Redis, else the database).
    'limiter-store': { type: 'string' },
    'reseed': { type: 'boolean', default: false },
    // Measure every workload this many times, interleaved, and report each one's median round.
    'rounds': { type: 'string' },
    // Also measure the frameworkless ceiling, alternating with Atrium, and report Atrium ÷ ceiling.
    'ceiling': { type: 'boolean', default: false },
    'build': { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'info' },
    // The queue benchmark's.
    'engines': { type: 'string', default: 'sqlite,pg,redis' },
    'jobs': { type: 'string', default: '2000' },
    'mails': { type: 'string', default: '500' },
    'calls': { type: 'string', default: '500' },
    'worker-concurrency': { type: 'string', default: '4' },
    'requests': { type: 'string', default: '100' },
    // The live benchmark's.
    'clients': { type: 'string', default: '1000' },
    'writes': { type: 'string', default: '60' },
  },
})

const suite = positionals[0] ?? 'http'
if (positionals.length > 1 || !['http', 'queue', 'live'].includes(suite)) {
  console.error(
    `Unknown benchmark "${positionals.join(' ')}": run it without one, or with "queue" or "live".`
  )
  process.exit(1)
}

const settings = {
  duration: Number(flags.duration),
  connections: Number(flags.connections),
  workers: Number(flags.workers ?? 2),
  redis: flags.redis,
  limiterStore: flags['limiter-store'] ?? (flags.redis ? 'redis' : 'database'),
  logLevel: flags['log-level'],
  rounds: Number(flags.rounds ?? (flags.ceiling ? 3 : 1)),
  ceiling: flags.ceiling,
}

/** Runs one workload under load, sampling the server's memory every second. */
async function measure(server: BenchServer, workload: Workload, seconds: number) {
  const { url, rss } = server
  const samples = [rss()]
  const sampler = setInterval(() => samples.push(rss()), 1000)
  const result = await autocannon({
    url: `${url}${workload.path}`,
    method: workload.method,
    headers: workload.headers,
    body: workload.body,
    ...(workload.newHeaders
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                headers: { ...request.headers, ...workload.newHeaders!() },
              }),
            },
          ],
        }
      : {}),
    connections: settings.connections,
    duration: seconds,
  })
  clearInterval(sampler)
  samples.push(rss())
  const workerRss = Math.max(0, ...server.workerRss())
  const wrongStatuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !workload.expectedStatuses.includes(Number(status)))
    .reduce((sum, [, stats]) => sum + (stats.count ?? 0), 0)
  return {
    result,
    samples,
    workerRss,
    errors: result.errors + result.timeouts + wrongStatuses,
  }
}

/**
 * Starts the ceiling on the run's database beside Atrium, logs the member in on it, and builds
 * its workloads (W1, W2, W3, W5 on the same paths). It serves Atrium's login page as a static
 * copy and takes Atrium's asset version, so pages and visits carry the same bytes.
 */
async function startCeilingFor(
  appEnv: Record<string, string>,
  atrium: { url: string; version: string },
  context: { projectId: number; scratchProjectId: number }
) {
  const page = await fetch(`${atrium.url}/login`, { headers: { accept: 'text/html' } })
  const html = await page.text()
  const loginFile = `${ROOT}tmp/bench/ceiling_login.html`
  writeFileSync(loginFile, html)
  const ceiling = await startCeiling(ROOT, {
    ...appEnv,
    CEILING_DB: appEnv.DB_CONNECTION,
    CEILING_WORKERS: String(settings.workers),
    CEILING_SECRET: randomBytes(32).toString('hex'),
    CEILING_VERSION: atrium.version,
    CEILING_LOGIN_HTML: loginFile,
  })
  const member = new Visitor(ceiling.url)
  await member.logIn(MEMBER.email, MEMBER.password)
  member.version = atrium.version
  const workloads = await buildWorkloads({
    member,
    baseUrl: ceiling.url,
    projectId: context.projectId,
    scratchProjectId: context.scratchProjectId,
  })
  return {
    server: ceiling,
    member,
    loginHtml: html,
    workloads: workloads.filter((workload) => CEILING_KEYS.includes(workload.key)),
  }
}

/** How the progress line names the server measured. */
function onTarget(target: Target): string {
  return target === 'ceiling' ? ' ceiling' : ''
}

/** The ceiling's figures before any measurement. */
function refusedCeiling(): CeilingResult {
  return {
    refused: null,
    requestsPerSecond: null,
    p50Ms: null,
    p99Ms: null,
    errors: null,
    workerRssMb: null,
  }
}

async function benchmark(database: BenchDatabase): Promise<BenchRun> {
  const size = {
    projects: Number(flags.projects),
    tasks: Number(flags.tasks),
    comments: Number(flags.comments),
  }
  const appEnv = {
    ...databaseEnv(database, ROOT),
    NODE_ENV: 'production',
    APP_KEY: 'benchmark-only-key-0123456789abcdefgh',
    APP_URL: 'http://127.0.0.1',
    LOG_LEVEL: settings.logLevel,
    WEB_CONCURRENCY: String(settings.workers),
    // The API's budget is still counted on every call (its store write included), never exhausted.
    API_RATE_LIMIT: '100000000',
    ...(settings.redis
      ? { REDIS_HOST: process.env.REDIS_HOST ?? '127.0.0.1' }
      : { SESSION_DRIVER: 'cookie', LIMITER_STORE: 'database' }),
    ...(flags['limiter-store'] ? { LIMITER_STORE: flags['limiter-store'] } : {}),
  }
  const seeded = await prepareDatabase({
    database,
    root: ROOT,
    buildDir: BUILD,
    appEnv,
    size,
    reseed: flags.reseed,
  })

  const server = await startServer(BUILD, appEnv)
  let ceiling: Awaited<ReturnType<typeof startCeilingFor>> | null = null
  const results: WorkloadResult[] = []
  try {
    const member = new Visitor(server.url)
    await member.logIn(MEMBER.email, MEMBER.password)
    const created = await member.request('/projects', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xsrf-token': member.xsrfToken },
      body: JSON.stringify({ name: `Benchmark scratch ${new Date().toISOString()}` }),
    })
    const scratchProjectId = Number(
      created.headers.get('location')?.match(/\/projects\/(\d+)/)?.[1]
    )
    if (!scratchProjectId)
      throw new Error(`Creating the scratch project answered ${created.status}`)

    const context = {
      member,
      baseUrl: server.url,
      projectId: seeded.firstProjectId,
      scratchProjectId,
    }
    const token = await apiTokenOf(server.url, MEMBER.email, MEMBER.password)
    const workloads = [
      ...(await buildWorkloads(context)),
      ...buildApiWorkloads({ ...context, token }),
    ]
    const only = flags.only?.split(',')
    const chosen = workloads.filter((each) => !only || only.includes(each.key))
    const refusals = new Map<string, string>()
    for (const workload of chosen) {
      const refused = await workload.check()
      if (refused) {
        console.log(`${workload.key}: wrong answer, no figure (${refused})`)
        refusals.set(workload.key, refused)
      }
    }

    // The ceiling is measured only where it answers what Atrium answers: no ratio otherwise.
    const ceilingRefusals = new Map<string, string>()
    const ceilingWorkloads = new Map<string, Workload>()
    if (settings.ceiling) {
      ceiling = await startCeilingFor(appEnv, { url: server.url, version: member.version }, context)
      for (const workload of ceiling.workloads) {
        const atriumWorkload = chosen.find((each) => each.key === workload.key)
        if (!atriumWorkload || refusals.has(workload.key)) continue
        const refused =
          (await workload.check()) ??
          (await compareWithCeiling({
            workload: atriumWorkload,
            atrium: member,
            ceiling: ceiling.member,
            loginHtml: ceiling.loginHtml,
          }))
        if (refused) {
          console.log(`${workload.key}: the ceiling answers other data, no ratio (${refused})`)
          ceilingRefusals.set(workload.key, refused)
        } else {
          ceilingWorkloads.set(workload.key, workload)
        }
      }
    }

    const measured = new Map<string, WorkloadResult[]>()
    const ceilingMeasured = new Map<string, CeilingResult[]>()
    const plan = roundPlan(
      chosen.filter((each) => !refusals.has(each.key)).map((each) => each.key),
      settings.rounds,
      [...ceilingWorkloads.keys()]
    )
    for (const step of plan) {
      const target: { server: BenchServer; workload: Workload } =
        step.target === 'ceiling'
          ? { server: ceiling!.server, workload: ceilingWorkloads.get(step.key)! }
          : { server, workload: chosen.find((each) => each.key === step.key)! }
      const { workload } = target
      const label = settings.rounds > 1 ? ` (round ${step.round}/${settings.rounds})` : ''
      process.stdout.write(
        `${database} ${workload.key}${onTarget(step.target)}${label}: ` +
          `warming up, then ${settings.duration} s… `
      )
      await measure(target.server, workload, Number(flags.warmup))
      const { result, samples, errors, workerRss } = await measure(
        target.server,
        workload,
        settings.duration
      )
      const statuses = Object.entries(result.statusCodeStats ?? {})
        .filter(([status]) => !workload.expectedStatuses.includes(Number(status)))
        .map(([status, stats]) => `${stats.count} × ${status}`)
      console.log(
        `${Math.round(result.requests.average)} req/s` +
          (statuses.length ? ` (wrong statuses: ${statuses.join(', ')})` : '')
      )
      const figures = {
        refused: null,
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors,
        workerRssMb: workerRss / 2 ** 20,
      }
      if (step.target === 'ceiling') {
        ceilingMeasured.set(step.key, [...(ceilingMeasured.get(step.key) ?? []), figures])
        continue
      }
      measured.set(workload.key, [
        ...(measured.get(workload.key) ?? []),
        {
          key: workload.key,
          title: workload.title,
          ...figures,
          requests: result.requests.total,
          rssStartMb: samples[0] / 2 ** 20,
          rssMidMb: samples[Math.floor(samples.length / 2)] / 2 ** 20,
          rssEndMb: samples.at(-1)! / 2 ** 20,
          ceiling: null,
          ratio: null,
        },
      ])
    }
    for (const workload of chosen) {
      const refused = refusals.get(workload.key)
      if (refused) {
        results.push(refusedResult(workload, refused))
        continue
      }
      const atrium = medianRound(measured.get(workload.key)!)
      const rounds = ceilingMeasured.get(workload.key)
      const ceilingRefused = ceilingRefusals.get(workload.key)
      const best = rounds ? medianRound(rounds) : null
      results.push({
        ...atrium,
        ceiling: ceilingRefused ? { ...refusedCeiling(), refused: ceilingRefused } : best,
        ratio: ceilingRatio(atrium.requestsPerSecond, best?.requestsPerSecond ?? null),
      })
    }

    // Out of the dashboard for the next run.
    await member.request(`/projects/${scratchProjectId}/archive`, {
      method: 'POST',
      headers: { 'x-xsrf-token': member.xsrfToken },
    })
  } finally {
    const code = await server.stop()
    if (code !== 0) console.log(`The server exited with ${code}:\n${server.output()}`)
    if (ceiling) {
      const ceilingCode = await ceiling.server.stop()
      if (ceilingCode !== 0) {
        console.log(`The ceiling exited with ${ceilingCode}:\n${ceiling.server.output()}`)
      }
    }
  }
  return {
    database: database === 'pg' ? 'PostgreSQL' : 'SQLite',
    settings: { ...settings, ...{ data: `${flags.projects}×${flags.tasks}×${flags.comments}` } },
    seedSeconds: seeded.seedSeconds,
    results,
  }
}

if (flags.build || !existsSync(`${BUILD}/bin/start.js`)) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

if (suite === 'queue') {
  await benchmarkQueue(ROOT, BUILD, {
    engines: flags.engines!.split(',') as QueueEngine[],
    jobs: Number(flags.jobs),
    mails: Number(flags.mails),
    calls: Number(flags.calls),
    concurrency: Number(flags['worker-concurrency']),
    requests: Number(flags.requests),
    rounds: Number(flags.rounds),
  })
} else if (suite === 'live') {
  const database = flags.db ?? 'sqlite'
  if (database !== 'sqlite' && database !== 'pg') {
    console.error(`The live benchmark runs on one database, sqlite or pg, not "${database}".`)
    process.exit(1)
  }
  await benchmarkLive(ROOT, BUILD, {
    clients: Number(flags.clients),
    writes: Number(flags.writes),
    database,
    redis: flags.redis,
    workers: Number(flags.workers ?? 1),
  })
} else {
  const runs: BenchRun[] = []
  for (const database of (flags.db ?? 'sqlite,pg').split(',') as BenchDatabase[]) {
    runs.push(await benchmark(database))
  }
  const files = writeReport(runs, `${ROOT}tmp/bench`)
  console.log(`\nWritten: ${files.json}, ${files.markdown}`)
}
