import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { currentActorId, currentTab } from '#activity/actor'
import { announceChange } from '#live/announce_change'

/** What happened to a record. */
export type ActivityAction = 'created' | 'updated' | 'deleted'

/** Changed fields: column name to [value before, value after]. */
export type ActivityChanges = Record<string, [unknown, unknown]>

/** One entry of the activity record, as the recorder writes it. */
export type ActivityEntry = {
  subjectType: string
  subjectId: string | number
  projectId: number | null
  action: ActivityAction
  changes: ActivityChanges
  /** The task the record belongs to (a comment's task), so that the task's live page hears of it. */
  taskId?: number | null
  /** The record's version after the write, for records that keep one (tasks). */
  version?: number | null
}

/** Turns a value into what the record keeps: dates as ISO strings, everything else as JSON. */
export function toRecordedValue(value: unknown): unknown {
  if (value instanceof DateTime) return value.toISO()
  if (value instanceof Date) return value.toISOString()
  return value === undefined ? null : value
}

/**
 * Appends one entry to the activity record, through `client` so it commits or rolls back with
 * the change it describes. The author is the current actor (see actor.ts). Once committed, a
 * change in a project is announced to the project's live pages.
 */
export async function recordActivity(client: TransactionClientContract, entry: ActivityEntry) {
  const actorId = currentActorId()
  const tab = currentTab()
  await client.table('activities').insert({
    actor_id: actorId,
    project_id: entry.projectId,
    subject_type: entry.subjectType,
    subject_id: String(entry.subjectId),
    action: entry.action,
    changes: JSON.stringify(entry.changes),
    created_at: DateTime.now().toFormat(client.dialect.dateTimeFormat),
  })
  // Live pages hear of a change once it is committed, never of one rolled back.
  if (entry.projectId !== null) client.after('commit', () => announceChange(entry, actorId, tab))
}

/**
 * Runs `work` inside `trx` when one is given, else inside a new transaction, so a write and its
 * activity entry always commit together.
 */
export async function inTransaction<T>(
  trx: TransactionClientContract | undefined,
  work: (trx: TransactionClientContract) => Promise<T>
): Promise<T> {
  return trx ? work(trx) : db.transaction(work)
}
