import db from '@adonisjs/lucid/services/db'

/** A value the activity record keeps for one field. */
export type RecordedValue = string | number | boolean | null | number[]

/** One entry of a record's history, as pages show it. */
export type HistoryEntry = {
  id: number
  action: 'created' | 'updated' | 'deleted'
  actor: string | null
  at: string
  changes: Record<string, [RecordedValue, RecordedValue]>
}

/** The history of one record, newest first, with the authors' names: one query. */
export async function historyOf(subjectType: string, subjectId: number | string, limit = 50) {
  const rows = await db
    .from('activities')
    .leftJoin('users', 'users.id', 'activities.actor_id')
    .where('activities.subject_type', subjectType)
    .where('activities.subject_id', String(subjectId))
    .orderBy('activities.id', 'desc')
    .limit(limit)
    .select('activities.*', 'users.full_name as actor_name')

  return rows.map((row): HistoryEntry => ({
    id: Number(row.id),
    action: row.action,
    actor: row.actor_name ?? null,
    at: new Date(row.created_at).toISOString(),
    changes: JSON.parse(row.changes),
  }))
}
