import app from '@adonisjs/core/services/app'
import { QueueManager } from '@boringnode/queue'
import type { QueueConfig } from '@adonisjs/queue/types'
import type { AdapterFactory } from '@boringnode/queue/types'

/** Points the queue library of this test process at `driver`. */
async function initQueue(driver: string) {
  const config = app.config.get<QueueConfig>('queue')
  const adapters: Record<string, AdapterFactory> = {}
  for (const [name, adapter] of Object.entries(config.adapters)) {
    adapters[name] = typeof adapter === 'function' ? adapter : await adapter.resolver(app)
  }
  await QueueManager.init({
    ...config,
    default: driver,
    adapters,
    autoLoadJobs: false,
    logger: await app.container.make('logger'),
    jobFactory: (JobClass) => app.container.make(JobClass),
  })
}

/**
 * Makes the queue of this test process store jobs and schedules in the database (tests run on
 * "sync" otherwise, where schedules are not stored), as `node ace queue:work` does with
 * QUEUE_DRIVER=database. Returns the function that puts the configured driver back. The database
 * adapter writes outside the test's global transaction: clean its tables up yourself.
 */
export async function useDatabaseQueue(): Promise<() => Promise<void>> {
  await initQueue('database')
  return () => initQueue(app.config.get<QueueConfig>('queue').default)
}
