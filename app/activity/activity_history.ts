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

/** One entry of the activity in a user's projects, as the dashboard lists it. */
export type ProjectActivity = {
  id: number
  action: string
  subjectType: string
  subjectId: string
  projectId: number
  projectName: string
  actor: string | null
  at: string
}

/**
 * The latest `limit` entries across `projectIds`, newest first, with actor and project names.
 * Each project's latest entries come from its own index range and only those are merged, so the
 * cost does not grow with the size of the record (an `IN (...)` ordered by id would walk the
 * whole record back from its newest entry when these projects are quiet).
 */
export async function recentActivityIn(
  projectIds: number[],
  limit = 15
): Promise<ProjectActivity[]> {
  // SQLite allows 500 terms in a compound SELECT: merge at most that many projects per query.
  const rows: Record<string, any>[] = []
  for (let start = 0; start < projectIds.length; start += PROJECTS_PER_QUERY) {
    rows.push(...(await latestAcross(projectIds.slice(start, start + PROJECTS_PER_QUERY), limit)))
  }
  rows.sort((a, b) => Number(b.id) - Number(a.id))

  return rows.slice(0, limit).map((row) => ({
    id: Number(row.id),
    action: row.action,
    subjectType: row.subject_type,
    subjectId: String(row.subject_id),
    projectId: Number(row.project_id),
    projectName: row.project_name,
    actor: row.actor_name ?? null,
    at: new Date(row.created_at).toISOString(),
  }))
}

/** Projects merged per query by {@link recentActivityIn}. */
const PROJECTS_PER_QUERY = 400

/** The latest `limit` entries across a few hundred projects, with actor and project names. */
async function latestAcross(projectIds: number[], limit: number) {
  const latestOf = (projectId: number, index: number) =>
    db
      .from(
        db
          .from('activities')
          .where('project_id', projectId)
          .orderBy('id', 'desc')
          .limit(limit)
          .select('id')
          .as(`p${index}`)
      )
      .select('id')
  const [first, ...rest] = projectIds.map(latestOf)
  const candidates = rest.length > 0 ? first.unionAll(rest) : first

  return db
    .from('activities')
    .leftJoin('users', 'users.id', 'activities.actor_id')
    .join('projects', 'projects.id', 'activities.project_id')
    .whereIn('activities.id', candidates)
    .orderBy('activities.id', 'desc')
    .limit(limit)
    .select(
      'activities.id',
      'activities.action',
      'activities.subject_type',
      'activities.subject_id',
      'activities.created_at',
      'activities.project_id',
      'users.full_name as actor_name',
      'projects.name as project_name'
    )
}

/**
 * The whole activity of one project (deletions included), with its authors' names: one query, to
 * order and page (newest first is `activities.id desc`). `subjectType` keeps one kind of record.
 */
export function projectActivityQuery(projectId: number, subjectType?: string) {
  return db
    .from('activities')
    .leftJoin('users', 'users.id', 'activities.actor_id')
    .where('activities.project_id', projectId)
    .if(subjectType, (query) => query.where('activities.subject_type', subjectType!))
    .select('activities.*', 'users.full_name as actor_name')
}
