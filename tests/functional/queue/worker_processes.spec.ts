import { test } from '@japa/runner'
import { readFile, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { enqueue } from '#queue/enqueue'
import { jobStore } from '#queue/job_stores'
import { startWorker } from '#queue/worker'
import SlowJob from '#tests/jobs/slow_job'
import {
  clearQueueTables,
  jobsIn,
  stateOf,
  useQueueDriver,
  waitFor,
  WorkerProcess,
} from '#tests/helpers/queue'

/** A job is run again this soon after its worker stops renewing its claim. */
const FAST_STALL = { QUEUE_STALLED_AFTER: '2s', QUEUE_STALLED_CHECK_EVERY: '500ms' }

/** The lines the slow jobs noted, or none yet. */
async function notesOf(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return text.split('\n').filter(Boolean)
}

test.group('Queue | real worker processes', (group) => {
  group.each.setup(async () => {
    await clearQueueTables()
    const restore = await useQueueDriver('database')
    return async () => {
      await restore()
      await clearQueueTables()
    }
  })

  test('a job whose worker is killed (SIGKILL) mid-run is run again by another worker and completes', async ({
    assert,
    cleanup,
  }) => {
    const notes = app.tmpPath(`slow-job-${process.pid}-kill.log`)
    cleanup(() => rm(notes, { force: true }))
    await enqueue(SlowJob, { ms: 1500, notes })
    const [queued] = await jobsIn('pending')

    const first = new WorkerProcess(FAST_STALL)
    cleanup(() => first.stop())
    await waitFor(
      'the first worker to start the job',
      async () => {
        const lines = await notesOf(notes)
        return lines.includes(`start ${first.child.pid}`)
      },
      { workers: [first] }
    )
    first.child.kill('SIGKILL')
    assert.deepEqual(await first.exited, { code: null, signal: 'SIGKILL' })
    assert.equal(await stateOf(queued.id), 'active', 'the claim outlives its worker')

    const second = new WorkerProcess(FAST_STALL)
    cleanup(() => second.stop())
    const done = await waitFor(
      'the job to complete',
      async () => {
        const job = await jobStore().find(queued.id)
        return job?.state === 'completed' ? job : null
      },
      { workers: [second] }
    )

    assert.equal(done.stalledCount, 1)
    assert.deepEqual(await notesOf(notes), [
      `start ${first.child.pid}`,
      `start ${second.child.pid}`,
      `done ${second.child.pid}`,
    ])
  }).timeout(60_000)

  test('SIGTERM lets the job in hand finish, takes no new one, and exits cleanly', async ({
    assert,
    cleanup,
  }) => {
    const notes = app.tmpPath(`slow-job-${process.pid}-term.log`)
    cleanup(() => rm(notes, { force: true }))
    await enqueue(SlowJob, { ms: 1500, notes })
    const worker = new WorkerProcess({}, ['--concurrency', '1'])
    cleanup(() => worker.stop())
    await waitFor(
      'the worker to start the job',
      async () => {
        const lines = await notesOf(notes)
        return lines.length === 1
      },
      { workers: [worker] }
    )
    await enqueue(SlowJob, { ms: 10, notes })

    worker.child.kill('SIGTERM')
    assert.deepEqual(await worker.exited, { code: 0, signal: null }, worker.output)

    assert.deepEqual(await notesOf(notes), [
      `start ${worker.child.pid}`,
      `done ${worker.child.pid}`,
    ])
    const counts = await jobStore().counts()
    assert.include(counts, { completed: 1, pending: 1, active: 0 })
  }).timeout(60_000)
})

test.group('Queue | a worker stopped while it gets ready', (group) => {
  group.each.setup(async () => {
    await clearQueueTables()
    const restore = await useQueueDriver('database')
    return async () => {
      await restore()
      await clearQueueTables()
    }
  })

  test('a stop that comes before the worker took its first job ends it without running any', async ({
    assert,
    cleanup,
  }) => {
    const notes = app.tmpPath(`slow-job-${process.pid}-early.log`)
    cleanup(() => rm(notes, { force: true }))
    await enqueue(SlowJob, { ms: 10, notes })
    // The app as the worker sees it, except that the stop (SIGTERM) arrives the moment the
    // worker asks to hear of it: while it is still syncing schedules and getting ready.
    const stoppingAtOnce = new Proxy(app, {
      get(target, property) {
        if (property === 'terminating') {
          return (hook: () => Promise<void>) => void hook()
        }
        const value = Reflect.get(target, property, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })

    const finished = startWorker(stoppingAtOnce).then(() => 'finished' as const)
    const outcome = await Promise.race([
      finished,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 5_000)),
    ])

    assert.equal(outcome, 'finished')
    assert.deepEqual(await notesOf(notes), [])
    assert.include(await jobStore().counts(), { pending: 1, active: 0 })
  }).timeout(30_000)
})
