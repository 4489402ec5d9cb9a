import adminSite from '#admin/admin_site'
import { adminUrls } from '#admin/urls'
import type { AdminContext } from '#admin/admin_context'
import type { AdminExportEntry } from '#admin/types'
import { type AdminExportRecord, adminExports } from '#admin/export_records'
import { jobStore } from '#queue/job_stores'

/** Whether the download time of `record` is over at `now`. */
export function isExpired(record: AdminExportRecord, now = new Date()): boolean {
  return record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime()
}

/**
 * An unfinished export as its job is: the queue fails a job whose worker died too often, before
 * the job could record anything itself.
 */
async function withJobState(record: AdminExportRecord): Promise<AdminExportRecord> {
  if (record.status !== 'running' || !record.jobId) return record
  const job = await jobStore().find(record.jobId)
  if (job?.state !== 'failed') return record
  return { ...record, status: 'failed', error: job.error ?? 'The export stopped.' }
}

/** How much of an export is written, 0 to 1; null while it waits for its job. */
function progressOf(record: AdminExportRecord): number | null {
  if (record.status === 'done') return 1
  if (record.status !== 'running' || record.rowsTotal === null) return null
  return record.rowsTotal === 0 ? 1 : Math.min(1, record.rowsDone / record.rowsTotal)
}

/** The user's recent background exports, as the exports page lists them. */
export async function exportEntries(ctx: AdminContext): Promise<AdminExportEntry[]> {
  const records = await adminExports.recentOf(ctx.user.id)
  return Promise.all(
    records.map(async (stored) => {
      const record = await withJobState(stored)
      const admin = adminSite.findBySlug(record.model)
      const expired = record.status === 'done' && isExpired(record)
      const visible = admin !== null && admin.hasViewPermission(ctx)
      return {
        id: record.id,
        label: admin?.pluralLabel ?? record.model,
        status: expired ? 'expired' : record.status,
        progress: progressOf(record),
        rows: record.rows ?? record.rowsDone,
        error: record.error,
        createdAt: record.createdAt.toISOString(),
        expiresAt: record.expiresAt?.toISOString() ?? null,
        downloadUrl:
          record.status === 'done' && !expired && visible
            ? adminUrls.exportDownload(record.id)
            : null,
      }
    })
  )
}
