import { Job } from '@boringnode/queue'
import logger from '@adonisjs/core/services/logger'
import { jobStore } from '#queue/job_stores'

/** How often a long job writes its progress at most. */
const PROGRESS_EVERY_MS = 1000

/**
 * The base of Atrium's jobs: `handle()` does the work. The error of an attempt that fails is
 * kept on the job (shown in the admin while it waits for its retry), and long jobs report their
 * progress with `reportProgress`.
 */
export abstract class AppJob<Payload> extends Job<Payload> {
  #progressWrittenAt = 0

  protected abstract handle(): Promise<void>

  async execute() {
    try {
      await this.handle()
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await jobStore()
        .recordError(this.context.jobId, this.context.queue, message)
        .catch((storeError) => logger.error({ err: storeError }, 'could not keep a job error'))
      throw error
    }
  }

  /** Records that `done` of `total` steps are done (at most once a second, and at the end). */
  protected async reportProgress(done: number, total: number) {
    const now = Date.now()
    const finished = done >= total
    if (!finished && now - this.#progressWrittenAt < PROGRESS_EVERY_MS) return
    this.#progressWrittenAt = now
    const progress = total > 0 ? Math.min(1, done / total) : 1
    await jobStore().setProgress(this.context.jobId, this.context.queue, progress)
  }
}
