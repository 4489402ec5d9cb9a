import db from '@adonisjs/lucid/services/db'
import adminSite from '#admin/admin_site'
import type { ModelAdmin } from '#admin/model_admin'
import type { AdminContext } from '#admin/admin_context'
import type { AdminActivity } from '#admin/types'
import { adminUrls } from '#admin/urls'
import { humanize } from '#introspection/model_fields'

type ActivityRow = Record<string, any>

/** The admin registered for an activity subject type ("task"), if any. */
function adminOfSubject(subjectType: string): ModelAdmin | undefined {
  return adminSite.all().find((admin) => admin.activitySubject === subjectType)
}

function shown(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** The column naming rows of an admin's model ("title"), for entries that did not record it. */
function titleColumnOf(admin: ModelAdmin): string {
  return admin.model.$getColumn(admin.titleAttribute)?.columnName ?? admin.titleAttribute
}

/**
 * The current titles of the subjects of `rows` that still exist, one query per kind of subject:
 * an entry that did not change the title (a status change) still names its record.
 */
async function currentTitles(rows: ActivityRow[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>()
  const idsByType = new Map<string, Set<string>>()
  for (const row of rows) {
    if (!/^\d+$/.test(String(row.subject_id))) continue
    const ids = idsByType.get(row.subject_type) ?? new Set<string>()
    ids.add(String(row.subject_id))
    idsByType.set(row.subject_type, ids)
  }
  for (const [type, ids] of idsByType) {
    const admin = adminOfSubject(type)
    if (!admin) continue
    const key = admin.primaryKey.column
    const column = titleColumnOf(admin)
    const found = await db
      .from(admin.table)
      .whereIn(key, [...ids])
      .select(key, column)
    for (const record of found)
      titles.set(`${type}:${record[key]}`, String(record[column]).slice(0, 120))
  }
  return titles
}

/**
 * What an entry says about its subject: the title it had, its kind, and its page when the row
 * still exists and the viewer may open it (never a link to a missing or forbidden row).
 */
function subjectOf(
  row: ActivityRow,
  changes: Record<string, [unknown, unknown]>,
  titles: Map<string, string>,
  ctx: AdminContext
) {
  const admin = adminOfSubject(row.subject_type)
  const recorded = admin ? changes[titleColumnOf(admin)] : undefined
  const current = titles.get(`${row.subject_type}:${row.subject_id}`)
  const title = (recorded ? (shown(recorded[1]) ?? shown(recorded[0])) : null) ?? current ?? null
  return {
    label: admin?.singularLabel ?? humanize(row.subject_type),
    id: String(row.subject_id),
    title: title ?? `#${row.subject_id}`,
    url:
      admin && current !== undefined && admin.hasViewPermission(ctx)
        ? adminUrls.change(admin, row.subject_id)
        : null,
  }
}

/** Rows of `activities` (joined with the actor's name) as `ctx`'s user sees them. */
async function toAdminActivities(rows: ActivityRow[], ctx: AdminContext): Promise<AdminActivity[]> {
  const titles = await currentTitles(rows)
  return rows.map((row) => {
    const changes: Record<string, [unknown, unknown]> = JSON.parse(row.changes)
    return {
      id: String(row.id),
      action: row.action,
      actor: row.actor_name ?? null,
      subject: subjectOf(row, changes, titles, ctx),
      createdAt: new Date(row.created_at).toISOString(),
      changes: Object.entries(changes).map(([field, [before, after]]) => ({
        field,
        label: humanize(field),
        before: shown(before),
        after: shown(after),
      })),
    }
  })
}

function activities() {
  return db
    .from('activities')
    .leftJoin('users', 'users.id', 'activities.actor_id')
    .select('activities.*', 'users.full_name as actor_name')
}

/**
 * One object's history from the activity record, newest first: every create, change and delete,
 * whatever made it (the admin, the app's pages, a command).
 */
export async function objectHistory(admin: ModelAdmin, id: string, ctx: AdminContext, limit = 200) {
  if (!admin.activitySubject) return []
  const rows = await activities()
    .where('activities.subject_type', admin.activitySubject)
    .where('activities.subject_id', id)
    .orderBy('activities.id', 'desc')
    .limit(limit)
  return toAdminActivities(rows, ctx)
}

/** The latest changes `ctx`'s user made anywhere, for the admin index's "Recent actions". */
export async function recentActionsOf(ctx: AdminContext, limit = 10) {
  const rows = await activities()
    .where('activities.actor_id', ctx.user.id)
    .orderBy('activities.id', 'desc')
    .limit(limit)
  return toAdminActivities(rows, ctx)
}
