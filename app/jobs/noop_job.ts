import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'

/**
 * A job that does nothing: what a job costs the queue itself (storing, claiming, completing).
 * Dispatch one to check that a worker takes jobs; `node ace queue:bench` measures the queue's
 * throughput with it.
 */
export default class NoopJob extends AppJob<Record<string, never>> {
  static options: JobOptions = { name: 'NoopJob' }

  protected async handle() {}
}
