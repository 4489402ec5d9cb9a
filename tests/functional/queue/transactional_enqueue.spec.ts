import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { Worker } from '@boringnode/queue'
import app from '@adonisjs/core/services/app'
import { queueMail } from '#mails/queue_mail'
import { queueManagerConfig } from '#queue/worker'
import { OUTBOX_TABLE, relayStaleOutbox } from '#queue/enqueue'
import { JOBS_TABLE } from '#queue/durable_knex_adapter'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { fakeMail, sentMessages } from '#tests/helpers/accounts'
import { clearQueueTables, jobsIn, stateOf, useQueueDriver } from '#tests/helpers/queue'

const RECIPIENT = { email: 'grace@example.com', fullName: 'Grace Hopper' }
const LINK = 'http://localhost:3334/verify/1'

/** The jobs waiting in the queue. */
function pendingJobs() {
  return jobsIn('pending')
}

/** Runs a worker in this process until the queue has no pending job left. */
async function runWorkerUntilIdle() {
  const worker = new Worker({ ...(await queueManagerConfig(app)), default: 'database' })
  for (;;) {
    const cycle = await worker.processCycle(['default'])
    if (!cycle || cycle.type === 'idle' || cycle.type === 'error') break
  }
  await worker.stop()
}

test.group('Queue | jobs enqueued in a transaction', (group) => {
  group.each.setup(async () => {
    await clearQueueTables()
    const restore = await useQueueDriver('database')
    return async () => {
      await restore()
      await clearQueueTables()
    }
  })

  test('a mail queued in a transaction that rolls back is never queued nor sent', async ({
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)

    await assert.rejects(
      () =>
        db.transaction(async (trx) => {
          await queueMail(VerifyEmailNotification, [RECIPIENT, LINK], { client: trx })
          throw new Error('the data the mail belongs to could not be saved')
        }),
      'the data the mail belongs to could not be saved'
    )

    assert.lengthOf(await db.from(OUTBOX_TABLE), 0)
    assert.lengthOf(await pendingJobs(), 0)
    assert.equal(await relayStaleOutbox(), 0)
    await runWorkerUntilIdle()
    fake.mails.assertNoneSent()
  })

  test('a mail queued in a transaction reaches the queue when it commits, and is sent', async ({
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)

    await db.transaction(async (trx) => {
      await queueMail(VerifyEmailNotification, [RECIPIENT, LINK], { client: trx })
      const queued = await trx.from(JOBS_TABLE).count('* as total').first()
      assert.equal(Number(queued.total), 0, 'nothing is queued before the commit')
    })

    const [job] = await pendingJobs()
    assert.deepInclude(job, {
      name: 'SendMailJob',
      payload: { mail: 'VerifyEmailNotification', args: [RECIPIENT, LINK] },
      attempts: 0,
    })
    assert.lengthOf(await db.from(OUTBOX_TABLE), 0, 'the outbox row is gone once handed over')

    await runWorkerUntilIdle()
    const [message] = sentMessages(fake)
    assert.deepEqual(message.toJSON().message.to, [
      { address: 'grace@example.com', name: 'Grace Hopper' },
    ])
    assert.equal(await stateOf(job.id), 'completed')
  })

  test('a committed job its process could not hand over is queued by the next sweep, once', async ({
    assert,
  }) => {
    // What a process that died right after its commit leaves behind: an outbox row.
    const id = randomUUID()
    const row = {
      id,
      job_name: 'SendMailJob',
      payload: JSON.stringify({ mail: 'VerifyEmailNotification', args: [RECIPIENT, LINK] }),
      created_at: DateTime.now().minus({ minutes: 2 }).toJSDate(),
    }
    await db.table(OUTBOX_TABLE).insert(row)
    // A row of a transaction committed a moment ago is its own process' to hand over.
    await db.table(OUTBOX_TABLE).insert({ ...row, id: randomUUID(), created_at: new Date() })

    assert.equal(await relayStaleOutbox(), 1)
    assert.equal(await relayStaleOutbox(), 0)
    assert.lengthOf(await pendingJobs(), 1)

    // Handed over, but the process died before deleting the row: the sweep does not queue it twice.
    await db.table(OUTBOX_TABLE).insert(row)
    assert.equal(await relayStaleOutbox(), 1)
    assert.lengthOf(await pendingJobs(), 1)
    assert.lengthOf(await db.from(OUTBOX_TABLE).where('id', id), 0)
  })
})
