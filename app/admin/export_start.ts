import type { ModelAdmin } from '#admin/model_admin'
import type { AdminContext } from '#admin/admin_context'
import type { ChangeListState } from '#admin/change_list_query'
import { type AdminExportRecord, adminExports } from '#admin/export_records'
import { exportFilename, exportQueryOf } from '#admin/background_export'
import { jobStore } from '#queue/job_stores'
import { enqueue } from '#queue/enqueue'
import ExportCsvJob from '#jobs/export_csv_job'

/** Whether an unfinished export's job is still waiting or running (not failed or dropped). */
async function stillQueued(record: AdminExportRecord): Promise<boolean> {
  if (!record.jobId) return true
  const job = await jobStore().find(record.jobId)
  return job !== null && job.state !== 'failed' && job.state !== 'completed'
}

/**
 * Hands the export of a change list (`state`) to a background job, for `ctx.user`. When the same
 * export of theirs is already waiting or running (a second click), that one is returned and
 * nothing new is queued.
 */
export async function startBackgroundExport({
  admin,
  ctx,
  state,
}: {
  admin: ModelAdmin
  ctx: AdminContext
  state: ChangeListState
}): Promise<{ record: AdminExportRecord; started: boolean }> {
  const query = exportQueryOf(state)
  for (const unfinished of await adminExports.unfinishedLike(ctx.user.id, admin.slug, query)) {
    if (await stillQueued(unfinished)) return { record: unfinished, started: false }
  }
  const record = await adminExports.create({
    userId: ctx.user.id,
    model: admin.slug,
    query,
    filename: exportFilename(admin),
  })
  try {
    await enqueue(ExportCsvJob, {
      exportId: record.id,
      model: record.model,
      query: record.query,
      userId: record.userId,
    })
  } catch (error) {
    // Not left pending: a pending export would answer every later click as "already under way".
    await adminExports.markFailed(record.id, 'The export could not be queued.')
    throw error
  }
  return { record, started: true }
}
