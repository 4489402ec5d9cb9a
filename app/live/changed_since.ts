import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'

/**
 * The activity record keeps whole seconds on some databases: a change is counted as possibly
 * later than a page's read when it is recorded less than this before it.
 */
const CLOCK_MARGIN_MS = 1000

function timeOf(value: Date | string): DateTime {
  return value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromSQL(value)
}

/**
 * Whether any of the projects changed since `since` (ms since the epoch), by the latest entry of
 * each in the activity record: one indexed row per project, whatever the size of the record.
 */
export async function changedSince(projectIds: number[], since: number): Promise<boolean> {
  const latest = await Promise.all(
    projectIds.map((projectId) =>
      db
        .from('activities')
        .where('project_id', projectId)
        .orderBy('id', 'desc')
        .select('created_at')
        .first()
    )
  )
  return latest.some((row) => row && timeOf(row.created_at).toMillis() >= since - CLOCK_MARGIN_MS)
}
