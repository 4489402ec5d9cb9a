import { Worker } from '@boringnode/queue'
import type { ApplicationService } from '@adonisjs/core/types'
import type { QueueManagerConfig, AdapterFactory } from '@boringnode/queue/types'
import type { QueueConfig } from '@adonisjs/queue/types'
import { relayStaleOutbox } from '#queue/enqueue'
import { syncSchedules } from '#queue/schedules'

/** How often a worker does its upkeep (schedules, the outbox). */
const UPKEEP_EVERY_MS = 30_000

/** The queue configuration with its adapters resolved from the container. */
export async function queueManagerConfig(app: ApplicationService): Promise<QueueManagerConfig> {
  const config = app.config.get<QueueConfig>('queue')
  const adapters: Record<string, AdapterFactory> = {}
  for (const [name, adapter] of Object.entries(config.adapters)) {
    adapters[name] = typeof adapter === 'function' ? adapter : await adapter.resolver(app)
  }
  return { ...config, adapters, jobFactory: (JobClass) => app.container.make(JobClass) }
}

/**
 * Starts a worker in this process, taking jobs from `queues` until the app terminates: then it
 * stops taking jobs and waits for the jobs in hand before the app closes its connections. Resolves
 * when the worker has stopped.
 */
export async function startWorker(
  app: ApplicationService,
  options: { queues?: string[]; concurrency?: number } = {}
): Promise<void> {
  const manager = await app.container.make('queue.manager')
  const router = await app.container.make('router')
  router.commit()
  await manager.loadJobs()

  const config = await queueManagerConfig(app)
  const worker = new Worker({
    ...config,
    worker: {
      ...config.worker,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      gracefulShutdown: false,
    },
  })
  const logger = await app.container.make('logger')
  // Upkeep a worker does besides jobs, at start and every 30 s: write the declared schedules to
  // the storage (until that succeeds: a database not migrated yet, or down, does not stop the
  // worker), and hand over the jobs a dead process left in the outbox.
  let schedulesSynced = false
  const upkeep = async () => {
    if (!schedulesSynced) {
      try {
        await syncSchedules()
        schedulesSynced = true
      } catch (error) {
        logger.error({ err: error }, 'could not sync the scheduled tasks; trying again in 30 s')
      }
    }
    try {
      const relayed = await relayStaleOutbox()
      if (relayed > 0) logger.warn({ relayed }, 'handed over jobs left in the outbox')
    } catch (error) {
      logger.error({ err: error }, 'could not sweep the job outbox')
    }
  }
  const upkeepTimer = setInterval(upkeep, UPKEEP_EVERY_MS)
  upkeepTimer.unref()

  // A stop can come at any time, also while the worker is still getting ready: a worker stopped
  // before it took its first job never starts (the library's start would run on regardless).
  let stopping = false
  let started = false
  let stopped: Promise<void> | undefined
  app.terminating(async () => {
    stopping = true
    clearInterval(upkeepTimer)
    if (!stopped && started) stopped = worker.stop()
    await stopped
  })

  await upkeep()
  await worker.init()
  if (stopping) {
    logger.info({ worker: worker.id }, 'queue worker stopped before it started')
    return
  }
  started = true

  const queues = options.queues ?? ['default']
  logger.info({ queues, worker: worker.id }, 'queue worker started')
  await worker.start(queues)
  logger.info({ worker: worker.id }, 'queue worker stopped')
}
