import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { DateTime } from 'luxon'
import env from '#start/env'
import User from '#models/user'
import adminSite from '#admin/admin_site'
import { adminUrls } from '#admin/urls'
import { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import { permissionsOf } from '#admin/permissions'
import { readChangeListRequest } from '#admin/change_list'
import type { ChangeListState } from '#admin/change_list_query'
import { changeListCsvChunks, exportRowCount } from '#admin/csv_export'
import { adminExports } from '#admin/export_records'
import { ensureExportDirectory, exportFilePath, removeExportFile } from '#admin/export_files'
import { InvalidChangeListQueryException } from '#admin/exceptions'
import adminExportsConfig from '#config/admin_exports'
import { queueMail } from '#mails/queue_mail'
import ExportReadyNotification from '#mails/export_ready_notification'

/** The name an export of `admin` downloads as: "tasks-20260101-0930.csv". */
export function exportFilename(admin: ModelAdmin): string {
  return `${admin.slug}-${DateTime.now().toFormat('yyyyMMdd-HHmm')}.csv`
}

/** The query string that gives a change list `state` again (search, filters and sort; no page). */
export function exportQueryOf(state: ChangeListState): Record<string, string> {
  const query: Record<string, string> = { ...state.filters }
  if (state.search) query.q = state.search
  query.sort = state.sort.map((key) => `${key.descending ? '-' : ''}${key.path}`).join(',')
  return query
}

/** The admin's view of `user` now: what they hold today, not when the export was asked for. */
async function adminContextOf(userId: number): Promise<AdminContext | null> {
  const user = await User.find(userId)
  if (!user) return null
  return new AdminContext(user, user.isSuperuser ? new Set() : await permissionsOf(user))
}

/** Reports how many of the rows are written, as the job's progress. */
export type ExportProgress = (done: number, total: number) => Promise<void>

/**
 * What a background export job carries: the export's record, and what it exports for whom (the
 * model's admin slug, the change list's query string, the user who asked).
 */
export type ExportCsvPayload = {
  exportId: string
  model: string
  query: Record<string, string>
  userId: number
}

/**
 * Writes the file of an export (ExportCsvJob runs it): checks again that the user may still
 * view the model, streams the change list into the file a chunk at a time, reporting progress,
 * then marks it done and mails its link. A refusal marks it failed without a file; an error on
 * the way marks it failed, removes the partial file and is thrown again (the queue retries).
 */
export async function writeExport(
  { exportId: id, model, query, userId }: ExportCsvPayload,
  { jobId, onProgress }: { jobId: string; onProgress: ExportProgress }
): Promise<void> {
  const record = await adminExports.find(id)
  if (!record || record.status === 'done') return

  const ctx = await adminContextOf(userId)
  const admin = adminSite.findBySlug(model)
  if (!ctx || !admin || !admin.hasViewPermission(ctx)) {
    await removeExportFile(id)
    await adminExports.markFailed(id, 'You are no longer allowed to view these records.')
    return
  }

  let input
  try {
    input = { admin, ctx, ...(await readChangeListRequest({ admin, ctx, query })) }
  } catch (error) {
    if (!(error instanceof InvalidChangeListQueryException)) throw error
    await adminExports.markFailed(id, error.message)
    return
  }

  const total = await exportRowCount(input)
  await adminExports.markRunning(id, jobId, total)
  let done = 0
  try {
    await ensureExportDirectory()
    await pipeline(
      async function* () {
        for await (const chunk of changeListCsvChunks(input)) {
          yield chunk.text
          if (chunk.rows === 0) continue
          done += chunk.rows
          await adminExports.markProgress(id, done)
          await onProgress(done, Math.max(total, done))
        }
      },
      createWriteStream(exportFilePath(id))
    )
  } catch (error) {
    await removeExportFile(id)
    await adminExports.markFailed(id, error instanceof Error ? error.message : String(error))
    throw error
  }

  await onProgress(done, done)
  const expiresAt = DateTime.now().plus({ hours: adminExportsConfig.keepForHours })
  await adminExports.markDone(id, done, expiresAt.toJSDate())
  await mailExportLink(id, done, admin, ctx.user)
}

/** Tells the owner their export is ready, with the link that downloads it. */
async function mailExportLink(id: string, rows: number, admin: ModelAdmin, user: User) {
  const url = new URL(adminUrls.exportDownload(id), env.get('APP_URL')).href
  await queueMail(ExportReadyNotification, [
    { email: user.email, fullName: user.fullName },
    url,
    { label: admin.pluralLabel, rows, hours: adminExportsConfig.keepForHours },
  ])
}
