import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { Worker } from '@boringnode/queue'
import { queueMail } from '#mails/queue_mail'
import { jobStore } from '#queue/job_stores'
import { queueManagerConfig } from '#queue/worker'
import { JOBS_TABLE } from '#queue/durable_knex_adapter'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { clearQueueTables, jobsIn, useQueueDriver } from '#tests/helpers/queue'

/** The backoff of config/queue.ts: 10 s, tripled after each failure, at most 30 minutes. */
const NOMINAL_DELAYS_MS = [10_000, 30_000, 90_000, 270_000, 810_000]

/** Runs one attempt of the next due job with a worker in this process. */
async function runOneAttempt(worker: Worker) {
  for (;;) {
    const cycle = await worker.processCycle(['default'])
    if (!cycle) throw new Error('the worker stopped')
    if (cycle.type === 'completed') return
    if (cycle.type === 'idle') throw new Error('no job was due')
    if (cycle.type === 'error') throw cycle.error
  }
}

test.group('Queue | a mail server that refuses', (group) => {
  group.each.setup(async () => {
    await clearQueueTables()
    const restore = await useQueueDriver('database')
    return async () => {
      await restore()
      await clearQueueTables()
    }
  })

  test('is retried with exponential backoff and jitter, then the job is kept as failed with its error', async ({
    assert,
  }) => {
    // Nothing listens on the SMTP mailer's port here: every attempt is refused by the system.
    await queueMail(
      VerifyEmailNotification,
      [{ email: 'ada@example.com', fullName: 'Ada Lovelace' }, 'http://localhost/verify'],
      { mailer: 'smtp' }
    )
    const [queued] = await jobsIn('pending')
    const worker = new Worker({ ...(await queueManagerConfig(app)), default: 'database' })

    const delays: number[] = []
    for (const [retry, nominal] of NOMINAL_DELAYS_MS.entries()) {
      const before = Date.now()
      await runOneAttempt(worker)
      const job = (await jobStore().find(queued.id))!
      assert.equal(job.state, 'delayed', `attempt ${retry + 1} waits for its retry`)
      assert.equal(job.attempts, retry + 1)
      assert.include(job.error, 'ECONNREFUSED')
      const delay = job.runAt!.getTime() - before
      assert.isAtLeast(delay, nominal * 0.75 - 1000)
      assert.isAtMost(delay, nominal * 1.25 + 1000)
      delays.push(delay)
      // Time passes: the retry is due.
      await db
        .from(JOBS_TABLE)
        .where('id', queued.id)
        .update({ execute_at: Date.now() - 1 })
    }
    assert.isTrue(
      delays.some((delay, index) => Math.abs(delay - NOMINAL_DELAYS_MS[index]) > 50),
      'the delays are jittered'
    )

    await runOneAttempt(worker)
    await worker.stop()
    const failed = (await jobStore().find(queued.id))!
    assert.equal(failed.state, 'failed')
    assert.equal(failed.attempts, 5)
    assert.include(failed.error, 'ECONNREFUSED')
    assert.deepEqual(failed.payload, {
      mail: 'VerifyEmailNotification',
      args: [{ email: 'ada@example.com', fullName: 'Ada Lovelace' }, 'http://localhost/verify'],
      mailer: 'smtp',
    })
  }).timeout(60_000)
})
