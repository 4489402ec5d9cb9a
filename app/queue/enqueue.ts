import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { Locator, type Job } from '@boringnode/queue'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** The table holding the jobs of transactions until they are handed to the queue. */
export const OUTBOX_TABLE = 'queue_outbox'

/** An outbox row older than this was left by a process that died after its commit. */
const STALE_AFTER_SECONDS = 30

/** A job class of Atrium's, named explicitly so its stored name survives minified builds. */
type NamedJob<Payload> = (abstract new (...args: any[]) => Job<Payload>) & {
  options: { name?: string }
  dispatch(payload: Payload): PromiseLike<unknown> & { dedup(options: { id: string }): any }
}

/**
 * Hands a job to the queue. Inside a transaction (`client`), the job is written to the outbox in
 * that transaction: a rollback takes it away with the data, a commit hands it to the queue at once,
 * and if the process dies between the commit and the hand-over, `relayStaleOutbox` (run by every
 * worker) hands it over later. Either way it is queued once: the outbox row's id deduplicates.
 */
export async function enqueue<Payload>(
  JobClass: NamedJob<Payload>,
  payload: Payload,
  options: { client?: TransactionClientContract } = {}
): Promise<void> {
  const client = options.client
  if (!client) {
    await JobClass.dispatch(payload)
    return
  }
  const id = randomUUID()
  await client
    .insertQuery()
    .table(OUTBOX_TABLE)
    .insert({
      id,
      job_name: jobName(JobClass),
      payload: JSON.stringify(payload),
      created_at: DateTime.now().toJSDate(),
    })
  client.after('commit', async () => {
    try {
      await relayOutboxRow(id, JobClass as NamedJob<unknown>)
    } catch (error) {
      logger.error({ err: error, outboxId: id }, 'could not hand a committed job to the queue')
    }
  })
}

/** The name a job class is stored under. */
export function jobName(JobClass: { name: string; options?: { name?: string } }): string {
  return JobClass.options?.name ?? JobClass.name
}

/**
 * Hands one outbox row to the queue and deletes it; false when another process took it. The job
 * class is the committing code's own, else the one registered under the row's name (in a worker).
 */
async function relayOutboxRow(id: string, known?: NamedJob<unknown>): Promise<boolean> {
  const row = await db.from(OUTBOX_TABLE).where('id', id).first()
  if (!row) return false
  const JobClass = known ?? (Locator.getOrThrow(row.job_name) as unknown as NamedJob<unknown>)
  await JobClass.dispatch(JSON.parse(row.payload)).dedup({ id: `outbox:${id}` })
  await db.from(OUTBOX_TABLE).where('id', id).delete()
  return true
}

/**
 * Hands to the queue the outbox rows whose process died between its commit and the hand-over.
 * Returns how many were handed over.
 */
export async function relayStaleOutbox(): Promise<number> {
  const cutoff = DateTime.now().minus({ seconds: STALE_AFTER_SECONDS }).toJSDate()
  const rows = await db
    .from(OUTBOX_TABLE)
    .where('created_at', '<', cutoff)
    .orderBy('created_at')
    .limit(500)
    .select('id')
  let relayed = 0
  for (const row of rows) if (await relayOutboxRow(row.id)) relayed++
  return relayed
}
