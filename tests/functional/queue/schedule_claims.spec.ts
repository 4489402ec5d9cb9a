import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { isAbsolute } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { schedules } from '#start/schedule'
import { JOBS_TABLE, SCHEDULES_TABLE } from '#queue/durable_knex_adapter'
import { scheduledJobName } from '#queue/schedule_declaration'
import { PROJECT_ROOT } from '#tests/helpers/production_server'
import { eventually } from '#tests/helpers/eventually'

/**
 * Schedules due every second or so, each with its own payload so its jobs can be told apart. Their
 * periods differ from each other and from the workers' polling (1 s), so that which worker finds
 * a run due first keeps changing: both claim, and both race for the same runs.
 */
const PROBES = {
  'claim-probe-1': 700,
  'claim-probe-2': 1100,
  'claim-probe-3': 1300,
  'claim-probe-4': 1700,
}
const PROBE_IDS = Object.keys(PROBES)
/** Runs each probe must reach before the workers stop. */
const RUNS_PER_PROBE = 4
/** A job the workers know; its payload carries the probe's id, which the job ignores. */
const PROBE_JOB = 'PruneRateLimitsJob'

/** A `node ace queue:work` process on this test run's database, and what it printed. */
type WorkerProcess = { child: ChildProcess; output: () => string }

function startWorker(): WorkerProcess {
  const sqliteFile = process.env.SQLITE_FILE ?? 'tmp/test.sqlite3'
  const child = spawn(process.execPath, ['ace.js', 'queue:work', '--concurrency=2'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      QUEUE_DRIVER: 'database',
      LOG_LEVEL: 'info',
      // The queue library reports each schedule it claims ("dispatching scheduled job").
      NODE_DEBUG: 'boringnode:queue',
      SQLITE_FILE: isAbsolute(sqliteFile) ? sqliteFile : `${PROJECT_ROOT}${sqliteFile}`,
      // On a loaded machine a job's completion can lose SQLite's write lock for longer than the
      // busy timeout; the job then stays active until it counts as stalled and runs again.
      QUEUE_STALLED_AFTER: '3s',
      QUEUE_STALLED_CHECK_EVERY: '500ms',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  return { child, output: () => output }
}

async function stopWorker({ child }: WorkerProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
  await exited
  clearTimeout(killer)
}

/** The ticks a worker claimed, as "schedule#run" (from the library's debug lines). */
function claimedTicks(worker: WorkerProcess): string[] {
  return [...worker.output().matchAll(/\(schedule: (claim-probe-\d+), runCount: (\d+)\)/g)].map(
    (match) => `${match[1]}#${match[2]}`
  )
}

/** The probe jobs stored in the jobs table. */
async function probeJobs() {
  const rows = await db.from(JOBS_TABLE).select('id', 'status', 'data', 'score')
  return rows
    .map((row) => ({ ...row, data: JSON.parse(row.data) }))
    .filter((row) => row.data.name === PROBE_JOB && typeof row.data.payload?.probe === 'string')
}

/** Removes what the workers stored: the schedules (synced and probes) and their jobs. */
async function cleanUp() {
  const names = new Set([PROBE_JOB, ...schedules.map((schedule) => scheduledJobName(schedule))])
  const rows = await db.from(JOBS_TABLE).select('id', 'data')
  const ids = rows.filter((row) => names.has(JSON.parse(row.data).name)).map((row) => row.id)
  if (ids.length > 0) await db.from(JOBS_TABLE).whereIn('id', ids).delete()
  await db.from(SCHEDULES_TABLE).delete()
}

test.group('Schedules | claimed once across worker processes', (group) => {
  group.each.setup(async () => {
    await cleanUp()
    return () => cleanUp()
  })

  test('two workers on one database run each tick of a due schedule exactly once', async ({
    assert,
  }) => {
    const workers = [startWorker(), startWorker()]
    try {
      for (const worker of workers) {
        await eventually(
          async () => `a worker to start:\n${worker.output()}`,
          () => {
            if (worker.child.exitCode !== null)
              throw new Error(`A worker exited:\n${worker.output()}`)
            return worker.output().includes('queue worker started')
          },
          { timeoutMs: 90_000, everyMs: 200 }
        )
      }
      // Both workers synced the declared schedules before starting; the probes are due at once.
      const dueAt = new Date(Date.now() - 1000)
      await db.table(SCHEDULES_TABLE).multiInsert(
        Object.entries(PROBES).map(([id, everyMs]) => ({
          id,
          name: PROBE_JOB,
          payload: JSON.stringify({ probe: id }),
          every_ms: everyMs,
          timezone: 'UTC',
          status: 'active',
          run_count: 0,
          next_run_at: dueAt,
          created_at: dueAt,
        }))
      )

      await eventually(
        `${RUNS_PER_PROBE} runs of every probe, and claims by both workers`,
        async () => {
          const rows = await db.from(SCHEDULES_TABLE).whereIn('id', PROBE_IDS).select('run_count')
          const enough = rows.every((row) => Number(row.run_count) >= RUNS_PER_PROBE)
          return enough && workers.every((worker) => claimedTicks(worker).length > 0)
        },
        { timeoutMs: 90_000, everyMs: 200 }
      )
      await db.from(SCHEDULES_TABLE).whereIn('id', PROBE_IDS).update({ status: 'paused' })
      // No run is claimed from now on; wait for a finished job per claimed run.
      const claimedRuns = async () => {
        const rows = await db.from(SCHEDULES_TABLE).whereIn('id', PROBE_IDS).select('run_count')
        return rows.reduce((total, row) => total + Number(row.run_count), 0)
      }
      await eventually(
        async () => {
          const jobs = await probeJobs()
          const statuses = jobs.map((job) => job.status).join(', ')
          return `a completed job per claimed run (${await claimedRuns()} runs; jobs: ${statuses})`
        },
        async () => {
          const jobs = await probeJobs()
          const completed = jobs.every((job) => job.status === 'completed')
          return completed && jobs.length >= (await claimedRuns())
        },
        { timeoutMs: 60_000, everyMs: 200 }
      )
    } finally {
      for (const worker of workers) await stopWorker(worker)
    }

    const claims = workers.map(claimedTicks)
    const stored = await db.from(SCHEDULES_TABLE).whereIn('id', PROBE_IDS).orderBy('id')
    const jobs = await probeJobs()
    for (const probe of stored) {
      const runs = Number(probe.run_count)
      const ticks = Array.from({ length: runs }, (_, index) => `${probe.id}#${index + 1}`)
      const own = jobs.filter((job) => job.data.payload.probe === probe.id)
      // One job per claimed run, each run claimed by exactly one of the workers.
      assert.isAtLeast(runs, RUNS_PER_PROBE)
      assert.deepEqual(
        claims
          .flat()
          .filter((tick) => tick.startsWith(`${probe.id}#`))
          .sort(),
        ticks.sort(),
        probe.id
      )
      assert.lengthOf(own, runs, probe.id)
      assert.deepEqual(
        own.map((job) => [job.status, job.data.attempts ?? 0]),
        own.map(() => ['completed', 0])
      )
      // Runs of one schedule are enqueued a period apart: never two for one tick.
      const enqueuedAt = own.map((job) => Number(job.score) % 1e13).sort((a, b) => a - b)
      for (let index = 1; index < enqueuedAt.length; index++) {
        const gap = enqueuedAt[index] - enqueuedAt[index - 1]
        assert.isAtLeast(gap, PROBES[probe.id as keyof typeof PROBES] / 2, probe.id)
      }
    }
  }).timeout(240_000)
})
