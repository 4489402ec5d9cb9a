import cluster from 'node:cluster'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Runs background jobs until stopped. SIGTERM (or Ctrl-C) stops taking jobs, lets the jobs in hand
 * finish, then exits; a worker killed outright leaves its jobs to be run again by another worker
 * once their claim runs out (QUEUE_STALLED_AFTER).
 */
export default class QueueWork extends BaseCommand {
  static commandName = 'queue:work'
  static description = 'Run background jobs (mail, exports, scheduled tasks) until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Jobs run at once (default QUEUE_CONCURRENCY, else 4)' })
  declare concurrency?: number

  @flags.string({ description: 'Comma-separated queues to take jobs from', default: 'default' })
  declare queue: string

  async run() {
    if (
      this.concurrency !== undefined &&
      (!Number.isInteger(this.concurrency) || this.concurrency < 1)
    ) {
      this.logger.error('--concurrency must be a whole number of 1 or more')
      this.exitCode = 1
      return this.terminate()
    }
    const queues = this.queue
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
    process.once('SIGINT', () => void this.app.terminate())
    // Imported once the app has started: ace reads command files before it boots the app.
    const { startWorker } = await import('#queue/worker')
    await startWorker(this.app, { queues, concurrency: this.concurrency })
    // Under npm start's primary the IPC channel would keep the stopped process alive.
    if (cluster.isWorker) process.disconnect()
  }
}
