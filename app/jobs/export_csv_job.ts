import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import { type ExportCsvPayload, writeExport } from '#admin/background_export'

/**
 * Writes a large admin change list to a CSV file in the background (see `writeExport`), with
 * progress, then mails its owner the download link. A failure is retried twice.
 */
export default class ExportCsvJob extends AppJob<ExportCsvPayload> {
  static options: JobOptions = { name: 'ExportCsvJob', timeout: '2h', maxRetries: 2 }

  protected async handle() {
    // A worker process does not preload the admin's registrations as the web server does.
    await import('#start/admin')
    await writeExport(this.payload, {
      jobId: this.context.jobId,
      onProgress: (done, total) => this.reportProgress(done, total),
    })
  }
}
