import { queueDriver } from '#config/queue'
import type { JobStore } from '#queue/job_store'
import { DatabaseJobStore } from '#queue/database_job_store'

let store: JobStore | undefined

/** The store of the engine jobs run on (QUEUE_DRIVER): the database's, or Redis'. */
export function jobStore(): JobStore {
  store ??= createStore()
  return store
}

function createStore(): JobStore {
  switch (queueDriver) {
    case 'redis':
    case 'database':
    case 'sync':
      return new DatabaseJobStore()
  }
}
