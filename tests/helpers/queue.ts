import { spawn, type ChildProcess } from 'node:child_process'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { QueueManager } from '@boringnode/queue'
import { queueManagerConfig } from '#queue/worker'
import { JOBS_TABLE, SCHEDULES_TABLE } from '#queue/durable_knex_adapter'
import { OUTBOX_TABLE } from '#queue/enqueue'
import { jobStore } from '#queue/job_stores'
import type { JobState, StoredJob } from '#queue/job_store'
import { queueDriver, type QueueDriver } from '#config/queue'
import { eventually } from '#tests/helpers/eventually'

/**
 * Makes `driver` the queue jobs are dispatched to in this process (the tests run on 'sync');
 * returns the function that puts the tests' queue back (pass it to `cleanup`).
 */
export async function useQueueDriver(driver: QueueDriver) {
  const config = await queueManagerConfig(app)
  await QueueManager.init({ ...config, default: driver, autoLoadJobs: false })
  return async () => {
    await QueueManager.init({ ...config, default: queueDriver, autoLoadJobs: false })
  }
}

/** Empties the queue's tables (jobs, schedules, outbox) on the database. */
export async function clearQueueTables() {
  await db.from(JOBS_TABLE).delete()
  await db.from(SCHEDULES_TABLE).delete()
  await db.from(OUTBOX_TABLE).delete()
}

/**
 * Polls `check` until it returns a truthy value, or throws after `timeoutMs` (30 s), saying what it
 * waited for and what the workers wrote (`workers`), to see why.
 */
export function waitFor<T>(
  what: string,
  check: () => Promise<T>,
  options: { timeoutMs?: number; workers?: WorkerProcess[] } = {}
) {
  const described = () => {
    const outputs = (options.workers ?? []).map((worker) => worker.output).join('\n')
    return `${what}${outputs ? `:\n${outputs}` : ''}`
  }
  return eventually(described, check, { timeoutMs: options.timeoutMs ?? 30_000, everyMs: 100 })
}

/** A `node ace queue:work` process on this suite's database, with the queue on the database. */
export class WorkerProcess {
  readonly child: ChildProcess
  output = ''
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>

  constructor(env: Record<string, string> = {}, args: string[] = []) {
    this.child = spawn(process.execPath, ['ace.js', 'queue:work', ...args], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        QUEUE_DRIVER: 'database',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child.stdout!.on('data', (chunk) => (this.output += chunk))
    this.child.stderr!.on('data', (chunk) => (this.output += chunk))
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal }))
    )
  }

  /** Resolves once the worker logged that it takes jobs. */
  async started() {
    await waitFor('the worker to start', async () => this.output.includes('queue worker started'), {
      workers: [this],
    })
  }

  /** Kills the process if it still runs (for cleanup). */
  async stop() {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL')
      await this.exited
    }
  }
}

/** The jobs of the queue's store in `state`, next to run or newest first (first 100). */
export async function jobsIn(state: JobState): Promise<StoredJob[]> {
  const page = await jobStore().list(state, 1, 100)
  return page.jobs
}

/** The state of one job in the queue's store, or null once it is gone. */
export async function stateOf(id: string): Promise<JobState | null> {
  const job = await jobStore().find(id)
  return job?.state ?? null
}
