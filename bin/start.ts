/*
|--------------------------------------------------------------------------
| Production entry point (npm start)
|--------------------------------------------------------------------------
|
| Serves the built app on every core: a primary process forks one worker
| per core (WEB_CONCURRENCY to choose), each running bin/server.js on the
| same port. A worker that dies is replaced. SIGTERM or SIGINT stops the
| workers gracefully (they stop accepting, finish requests in flight and
| close their database and Redis connections), then the primary exits 0.
| The primary also runs QUEUE_WORKERS background-job workers (1 by
| default; `node ace queue:work`), replaced the same way and stopped the
| same way: a worker finishes its jobs in hand before it exits.
| WEB_CONCURRENCY=1 with QUEUE_WORKERS=0 runs a single web process,
| without a primary (jobs then run in a worker of their own: the Procfile's
| worker line).
| WORKER_HEAP_MB bounds each worker's heap (512 MB by default) and
| WORKER_YOUNG_MB, when set, its young generation; a single process takes
| NODE_OPTIONS=--max-old-space-size=… --max-semi-space-size=… instead.
|
*/

import cluster, { type Worker } from 'node:cluster'
import { availableParallelism } from 'node:os'

process.env.NODE_ENV ??= 'production'

/** Workers to run: WEB_CONCURRENCY, else one per core. */
function workerCount(): number {
  const wanted = Number(process.env.WEB_CONCURRENCY)
  return Number.isInteger(wanted) && wanted > 0 ? wanted : availableParallelism()
}

/** Background-job worker processes: QUEUE_WORKERS, else one. */
function queueWorkerCount(): number {
  const wanted = Number(process.env.QUEUE_WORKERS ?? 1)
  return Number.isInteger(wanted) && wanted >= 0 ? wanted : 1
}

/** What a forked process runs: the HTTP server, or a queue worker (the console's queue:work). */
type Role = 'web' | 'queue'

const ENTRIES: Record<Role, { exec: string; args: string[] }> = {
  web: { exec: new URL('./server.js', import.meta.url).pathname, args: [] },
  queue: { exec: new URL('./console.js', import.meta.url).pathname, args: ['queue:work'] },
}

/** How long workers get to finish their requests after SIGTERM before they are killed. */
const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 25_000

/** A worker dying sooner than this after its start counts as a crash loop, retried more slowly. */
const QUICK_DEATH_MS = 5_000

function log(level: 'info' | 'warn' | 'error', msg: string, extra: Record<string, unknown> = {}) {
  const levels = { info: 30, warn: 40, error: 50 }
  process.stdout.write(
    `${JSON.stringify({ level: levels[level], time: Date.now(), pid: process.pid, msg, ...extra })}\n`
  )
}

/**
 * The V8 heap of each worker, in MB (WORKER_HEAP_MB, default 512). Node sizes the heap from the
 * machine's memory, and on a large machine lets garbage pile up to gigabytes before collecting it:
 * a bounded heap keeps each worker's memory flat at no cost in throughput. NODE_OPTIONS or
 * WORKER_HEAP_MB=0 leave Node's own choice.
 *
 * The young generation's semi-spaces when memory is scarcer than CPU (WORKER_YOUNG_MB, off by
 * default): V8 derives them from the heap bound and grows them to 64 MB each under load. 16 MB
 * saves about 80 MB per worker and costs 20–30 % more CPU per request (more scavenges), so V8's
 * choice stays the default.
 */
function heapArgs(): string[] {
  const bound = (variable: string, fallback: number, flag: string) => {
    const megabytes = Number(process.env[variable] ?? fallback)
    const chosen = process.env.NODE_OPTIONS?.includes(flag)
    return megabytes > 0 && !chosen ? [`${flag}=${megabytes}`] : []
  }
  return [
    ...bound('WORKER_HEAP_MB', 512, '--max-old-space-size'),
    ...bound('WORKER_YOUNG_MB', 0, '--max-semi-space-size'),
  ]
}

function runPrimary(count: number, queueWorkers: number) {
  let stopping = false
  let quickDeaths = 0
  const startedAt = new Map<number, number>()
  const roles = new Map<number, Role>()

  const fork = (role: Role) => {
    cluster.setupPrimary({
      ...ENTRIES[role],
      execArgv: [...process.execArgv, ...heapArgs()],
    })
    const worker = cluster.fork()
    startedAt.set(worker.id, Date.now())
    roles.set(worker.id, role)
  }

  cluster.on('exit', (worker: Worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0)
    const role = roles.get(worker.id) ?? 'web'
    startedAt.delete(worker.id)
    roles.delete(worker.id)
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log('info', 'all workers stopped')
        process.exit(0)
      }
      return
    }
    quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0
    const delay = Math.min(30_000, quickDeaths === 0 ? 0 : 250 * 2 ** quickDeaths)
    log('error', 'worker died; starting another', {
      role,
      worker: worker.process.pid,
      code,
      signal,
      delay,
    })
    setTimeout(() => {
      if (!stopping) fork(role)
    }, delay)
  })

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    const workers = Object.values(cluster.workers ?? {}).filter(Boolean) as Worker[]
    log('info', 'stopping workers', { signal, workers: workers.length })
    if (workers.length === 0) process.exit(0)
    for (const worker of workers) worker.process.kill('SIGTERM')
    setTimeout(() => {
      log('warn', 'workers still busy after the shutdown timeout: killing them')
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
    }, SHUTDOWN_TIMEOUT_MS).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  log('info', 'starting workers', { workers: count, queueWorkers })
  for (let index = 0; index < count; index++) fork('web')
  for (let index = 0; index < queueWorkers; index++) fork('queue')
}

const count = workerCount()
const queueWorkers = queueWorkerCount()
if (count === 1 && queueWorkers === 0) {
  await import('./server.js')
} else {
  runPrimary(count, queueWorkers)
}
