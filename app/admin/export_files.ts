import { join } from 'node:path'
import { mkdir, rm } from 'node:fs/promises'
import adminExportsConfig from '#config/admin_exports'
import { adminExports } from '#admin/export_records'

/** How long the record of an expired or failed export stays listed after its file is gone. */
const KEEP_RECORDS_DAYS = 7

/** The file of export `id`: `<directory>/<id>.csv` (ids are uuids, never a path). */
export function exportFilePath(id: string): string {
  return join(adminExportsConfig.directory, `${id}.csv`)
}

/** Makes the exports directory if it is missing. */
export async function ensureExportDirectory() {
  await mkdir(adminExportsConfig.directory, { recursive: true })
}

/** Deletes the file of export `id`, if there is one. */
export async function removeExportFile(id: string) {
  await rm(exportFilePath(id), { force: true })
}

/**
 * Deletes the files of exports whose download time is over; a week later, their records too, and
 * those of exports that never finished (failed, or whose worker died). Safe to run at any time
 * and often: the scheduled maintenance calls it. Returns how many exports it deleted files of.
 */
export async function pruneExports(now = new Date()): Promise<number> {
  const expired = await adminExports.expiredBefore(now)
  for (const record of expired) await removeExportFile(record.id)

  const before = new Date(now.getTime() - KEEP_RECORDS_DAYS * 24 * 3600 * 1000)
  const stale = await adminExports.staleBefore(before)
  for (const record of stale) await removeExportFile(record.id)
  await adminExports.delete(stale.map((record) => record.id))
  return expired.length + stale.filter((record) => record.status !== 'done').length
}
