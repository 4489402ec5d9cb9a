import { test } from '@japa/runner'
import type { JobData } from '@boringnode/queue/types'
import type { StoredJob } from '#queue/job_store'
import { stalledError } from '#queue/stalled'
import { storeFor } from '#queue/job_stores'
import { RedisJobStore } from '#queue/redis_job_store'
import { DatabaseJobStore } from '#queue/database_job_store'
import {
  QUEUE_ENGINES,
  jobData,
  queueEngine,
  tick,
  type QueueEngine,
} from '#tests/helpers/queue_engines'

/*
 * One contract for every engine jobs run on: the same steps through the real adapters, the same
 * expectations of Atrium's adapter and job store. The database runs in every pass, Redis in the
 * passes configured with it (REDIS_HOST or REDIS_URL).
 */

const QUEUE = 'default'
/** As config/queue.ts: the third stop fails the job. */
const MAX_STALLS = 2

/** What a stored job holds besides its times, which each test checks on its own. */
function withoutTimes(job: StoredJob | null) {
  if (!job) return null
  const { enqueuedAt, claimedAt, runAt, finishedAt, ...rest } = job
  return rest
}

/** The stored job's fields for a job pushed as `job`, in `state`, fresh. */
function fresh(job: JobData, state: StoredJob['state'], queue = QUEUE) {
  return {
    id: job.id,
    queue,
    name: 'ContractJob',
    state,
    payload: job.payload,
    attempts: 0,
    stalledCount: 0,
    progress: null,
    error: null,
  }
}

function ids(jobs: StoredJob[]) {
  return jobs.map((job) => job.id)
}

/** The ids on the first page of a state's list. */
async function listed(engine: QueueEngine, state: StoredJob['state']) {
  const { jobs } = await engine.store.list(state, 1, 10)
  return ids(jobs)
}

/** The id of the job the adapter hands out next, or null. */
async function nextId(adapter: QueueEngine['adapter']) {
  const job = await adapter.popFrom(QUEUE)
  return job?.id ?? null
}

for (const engineName of QUEUE_ENGINES) {
  test.group(`Queue on ${engineName} | stalled jobs`, (group) => {
    let engine: QueueEngine
    group.each.setup(async () => {
      engine = await queueEngine(engineName)
      return () => engine.close()
    })

    test('a job whose worker stopped more often than allowed is kept as failed with the reason, where the stock adapter deletes it', async ({
      assert,
    }) => {
      const kept = jobData({ report: 'kept' })
      await engine.adapter.pushOn(QUEUE, kept)
      for (const recovered of [1, 1, 0]) {
        assert.equal(await nextId(engine.adapter), kept.id)
        await tick()
        assert.equal(await engine.adapter.recoverStalledJobs(QUEUE, 0, MAX_STALLS), recovered)
      }

      const record = await engine.adapter.getJob(kept.id, QUEUE)
      assert.equal(record?.status, 'failed')
      assert.equal(record?.error, stalledError(3))
      assert.equal(record?.data.stalledCount, 3)
      const stored = await engine.store.find(kept.id)
      assert.deepEqual(withoutTimes(stored), {
        ...fresh(kept, 'failed'),
        stalledCount: 3,
        error: stalledError(3),
      })
      assert.instanceOf(stored?.finishedAt, Date)
      assert.isNull(stored?.claimedAt)
      assert.deepEqual(await listed(engine, 'failed'), [kept.id])
      assert.deepEqual(await engine.store.counts(), {
        pending: 0,
        delayed: 0,
        active: 0,
        failed: 1,
        completed: 0,
      })
      assert.isNull(await engine.adapter.popFrom(QUEUE))

      const lost = jobData({ report: 'lost' })
      await engine.stockAdapter.pushOn(QUEUE, lost)
      for (const recovered of [1, 1, 0]) {
        assert.equal(await nextId(engine.stockAdapter), lost.id)
        await tick()
        assert.equal(await engine.stockAdapter.recoverStalledJobs(QUEUE, 0, MAX_STALLS), recovered)
      }
      assert.isNull(await engine.stockAdapter.getJob(lost.id, QUEUE))
      assert.isNull(await engine.store.find(lost.id))
      assert.containSubset(await engine.store.counts(), { failed: 1 })
    })

    test('a stopped job goes back in line with the stop counted, as the worker then sees it', async ({
      assert,
    }) => {
      const job = jobData()
      await engine.adapter.pushOn(QUEUE, job)
      await engine.adapter.popFrom(QUEUE)
      await tick()

      assert.equal(await engine.adapter.recoverStalledJobs(QUEUE, 0, MAX_STALLS), 1)

      assert.deepEqual(withoutTimes(await engine.store.find(job.id)), {
        ...fresh(job, 'pending'),
        stalledCount: 1,
      })
      const again = await engine.adapter.popFrom(QUEUE)
      assert.equal(again?.id, job.id)
      assert.equal(again?.stalledCount, 1)
    })

    test('a job whose claim is recent is left running', async ({ assert }) => {
      const job = jobData()
      await engine.adapter.pushOn(QUEUE, job)
      await engine.adapter.popFrom(QUEUE)

      assert.equal(await engine.adapter.recoverStalledJobs(QUEUE, 60_000, MAX_STALLS), 0)

      assert.containSubset(await engine.store.find(job.id), { state: 'active' })
      assert.containSubset(await engine.adapter.getJob(job.id, QUEUE), { status: 'active' })
    })
  })

  test.group(`Queue on ${engineName} | job store`, (group) => {
    let engine: QueueEngine
    group.each.setup(async () => {
      engine = await queueEngine(engineName)
      return () => engine.close()
    })

    /** Pushes the jobs one millisecond apart at least, in order. */
    async function push(...jobs: JobData[]) {
      for (const job of jobs) {
        await engine.adapter.pushOn(QUEUE, job)
        await tick()
      }
    }

    /** Takes the next job, which must be `job`. */
    async function claim(job: JobData) {
      const claimed = await engine.adapter.popFrom(QUEUE)
      if (claimed?.id !== job.id) throw new Error(`expected to claim ${job.id}, got ${claimed?.id}`)
      await tick()
    }

    test('counts each state and lists it: pending next to run first, the others newest first', async ({
      assert,
    }) => {
      const [a, b, c, d, e, f, g, h] = Array.from({ length: 8 }, (_, n) => jobData({ n }))
      const [x, y] = [jobData({ later: 1 }), jobData({ later: 2 })]
      const report = jobData({ queue: 'reports' })
      await push(a, b, c, d, e, f, g, h)
      await engine.adapter.pushOn('reports', report)
      await engine.adapter.pushLaterOn(QUEUE, x, 60_000)
      await tick()
      await engine.adapter.pushLaterOn(QUEUE, y, 120_000)
      for (const job of [a, b]) {
        await claim(job)
        await engine.adapter.completeJob(job.id, QUEUE, false)
        await tick()
      }
      for (const job of [c, d]) {
        await claim(job)
        await engine.adapter.failJob(job.id, QUEUE, new Error(`${job.payload.n} broke`), false)
        await tick()
      }
      await claim(e)
      await claim(f)

      assert.deepEqual(await engine.store.counts(), {
        pending: 3,
        delayed: 2,
        active: 2,
        failed: 2,
        completed: 2,
      })
      const firstPending = await engine.store.list('pending', 1, 2)
      assert.deepEqual(ids(firstPending.jobs), [g.id, h.id])
      assert.equal(firstPending.total, 3)
      const secondPending = await engine.store.list('pending', 2, 2)
      assert.deepEqual(ids(secondPending.jobs), [report.id])
      assert.equal(secondPending.jobs[0].queue, 'reports')
      assert.equal(secondPending.total, 3)
      assert.deepEqual(await listed(engine, 'delayed'), [y.id, x.id])
      assert.deepEqual(await listed(engine, 'active'), [f.id, e.id])
      assert.deepEqual(await listed(engine, 'failed'), [d.id, c.id])
      assert.deepEqual(await listed(engine, 'completed'), [b.id, a.id])
      const lastCompleted = await engine.store.list('completed', 2, 1)
      assert.deepEqual(ids(lastCompleted.jobs), [a.id])
      assert.equal(lastCompleted.total, 2)
      assert.deepEqual(await engine.store.list('failed', 3, 10), { jobs: [], total: 2 })
    })

    test('a deduplicated job is found and counted once, whatever its deduplication id', async ({
      assert,
    }) => {
      const digest = { ...jobData(), dedup: { id: 'ContractJob::digest::data' } }
      await engine.adapter.pushOn(QUEUE, digest)
      await engine.adapter.pushOn(QUEUE, { ...jobData(), dedup: digest.dedup })

      assert.containSubset(await engine.store.counts(), { pending: 1 })
      assert.deepEqual(await listed(engine, 'pending'), [digest.id])
      assert.containSubset(await engine.store.find(digest.id), { state: 'pending' })
      assert.isNull(await engine.store.find('no-such-job'))
    })

    test('finds a job with its state, payload, error and times', async ({ assert }) => {
      const failed = jobData({ to: 'ada@example.com' })
      const running = jobData({ to: 'grace@example.com' })
      const later = jobData()
      const before = Date.now()
      await push(failed, running)
      await engine.adapter.pushLaterOn(QUEUE, later, 60_000)
      await claim(failed)
      await engine.adapter.failJob(failed.id, QUEUE, new Error('SMTP refused'), false)
      await claim(running)

      const found = await engine.store.find(failed.id)
      assert.deepEqual(withoutTimes(found), { ...fresh(failed, 'failed'), error: 'SMTP refused' })
      assert.isNull(found?.claimedAt)
      assert.isNull(found?.runAt)
      assert.isAtLeast(found!.finishedAt!.getTime(), before)
      assert.isAtMost(Math.abs(found!.enqueuedAt!.getTime() - before), 60_000)

      const active = await engine.store.find(running.id)
      assert.deepEqual(withoutTimes(active), fresh(running, 'active'))
      assert.isAtLeast(active!.claimedAt!.getTime(), before)
      assert.isNull(active?.finishedAt)

      const delayed = await engine.store.find(later.id)
      assert.deepEqual(withoutTimes(delayed), fresh(later, 'delayed'))
      assert.closeTo(delayed!.runAt!.getTime(), before + 60_000, 5_000)

      assert.isNull(await engine.store.find('no-such-job'))
    })

    test('retry puts only failed jobs back in line, as fresh', async ({ assert }) => {
      const [failed, running, waiting] = [jobData(), jobData(), jobData()]
      await push(failed)
      await claim(failed)
      assert.equal(await engine.adapter.recoverStalledJobs(QUEUE, 0, MAX_STALLS), 1)
      await claim(failed)
      await engine.store.setProgress(failed.id, QUEUE, 0.4)
      await engine.store.recordError(failed.id, QUEUE, 'first try broke')
      await engine.adapter.retryJob(failed.id, QUEUE)
      await claim(failed)
      await engine.store.recordError(failed.id, QUEUE, 'second try broke')
      await engine.adapter.failJob(failed.id, QUEUE, new Error('second try broke'), false)
      await push(running, waiting)
      await claim(running)
      await claim(waiting)
      await engine.adapter.retryJob(waiting.id, QUEUE)
      assert.deepEqual(withoutTimes(await engine.store.find(failed.id)), {
        ...fresh(failed, 'failed'),
        attempts: 1,
        stalledCount: 1,
        progress: 0.4,
        error: 'second try broke',
      })

      const retried = await engine.store.retry([failed.id, running.id, waiting.id, 'no-such-job'])

      assert.equal(retried, 1)
      const again = await engine.store.find(failed.id)
      assert.deepEqual(withoutTimes(again), fresh(failed, 'pending'))
      assert.isNull(again?.finishedAt)
      assert.containSubset(await engine.store.find(running.id), { state: 'active' })
      assert.containSubset(await engine.store.find(waiting.id), { attempts: 1 })
      assert.deepEqual(await listed(engine, 'pending'), [waiting.id, failed.id])
      assert.containSubset(await engine.store.counts(), { failed: 0 })
      await claim(waiting)
      const claimed = await engine.adapter.popFrom(QUEUE)
      assert.equal(claimed?.id, failed.id)
      assert.equal(claimed?.attempts, 0)
      assert.equal(claimed?.stalledCount ?? 0, 0)
      assert.equal(await engine.store.retry([]), 0)
    })

    test('discard deletes jobs in every state but running', async ({ assert }) => {
      const [done, broken, running, waiting] = [jobData(), jobData(), jobData(), jobData()]
      const later = jobData()
      await push(done, broken, running, waiting)
      await engine.adapter.pushLaterOn(QUEUE, later, 60_000)
      await claim(done)
      await engine.adapter.completeJob(done.id, QUEUE, false)
      await claim(broken)
      await engine.adapter.failJob(broken.id, QUEUE, new Error('broke'), false)
      await claim(running)

      const discarded = await engine.store.discard([
        done.id,
        broken.id,
        running.id,
        waiting.id,
        later.id,
        'no-such-job',
      ])

      assert.equal(discarded, 4)
      for (const job of [done, broken, waiting, later]) {
        assert.isNull(await engine.store.find(job.id))
        assert.isNull(await engine.adapter.getJob(job.id, QUEUE))
      }
      assert.containSubset(await engine.store.find(running.id), { state: 'active' })
      assert.deepEqual(await engine.store.counts(), {
        pending: 0,
        delayed: 0,
        active: 1,
        failed: 0,
        completed: 0,
      })
      assert.isNull(await engine.adapter.popFrom(QUEUE))
      assert.equal(await engine.store.discard([]), 0)
    })

    test('pruning deletes the completed jobs finished before the cutoff, and only those', async ({
      assert,
    }) => {
      const [old, broken, recent] = [jobData(), jobData(), jobData()]
      await push(old, broken, recent)
      await claim(old)
      await engine.adapter.completeJob(old.id, QUEUE, false)
      await claim(broken)
      await engine.adapter.failJob(broken.id, QUEUE, new Error('broke'), false)
      await tick()
      const cutoff = new Date()
      await tick()
      await claim(recent)
      await engine.adapter.completeJob(recent.id, QUEUE, false)

      assert.equal(await engine.store.pruneCompleted(cutoff), 1)

      assert.isNull(await engine.store.find(old.id))
      assert.containSubset(await engine.store.find(broken.id), { state: 'failed' })
      assert.containSubset(await engine.store.find(recent.id), { state: 'completed' })
      assert.equal(await engine.store.pruneCompleted(cutoff), 0)
    })

    test('progress and the last error stay on a job while it waits for its retry', async ({
      assert,
    }) => {
      const job = jobData()
      await push(job)
      await claim(job)

      await engine.store.setProgress(job.id, QUEUE, 0.5)
      assert.containSubset(await engine.store.find(job.id), { progress: 0.5 })
      await engine.store.recordError(job.id, QUEUE, 'the API timed out')
      await engine.adapter.retryJob(job.id, QUEUE, new Date(Date.now() + 60_000))

      assert.deepEqual(withoutTimes(await engine.store.find(job.id)), {
        ...fresh(job, 'delayed'),
        attempts: 1,
        progress: 0.5,
        error: 'the API timed out',
      })
      await engine.store.setProgress('no-such-job', QUEUE, 0.5)
      await engine.store.recordError('no-such-job', QUEUE, 'nothing')
      assert.isNull(await engine.store.find('no-such-job'))
    })
  })
}

test.group('Queue | the store of each driver', () => {
  test('Redis jobs are read from Redis, database and inline jobs from the database', ({
    assert,
  }) => {
    assert.instanceOf(storeFor('redis'), RedisJobStore)
    assert.instanceOf(storeFor('database'), DatabaseJobStore)
    assert.instanceOf(storeFor('sync'), DatabaseJobStore)
  })
})
