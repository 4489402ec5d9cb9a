import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Runs the live pages' upkeep in a web process: every few seconds its streams are checked (an
 * ended session or a withdrawn access ends them) and their presence renewed. At shutdown, the
 * streams end first, so the HTTP server can close without waiting for them.
 */
export default class LiveProvider {
  #timer?: NodeJS.Timeout

  constructor(protected app: ApplicationService) {}

  async ready() {
    if (!['web', 'test'].includes(this.app.getEnvironment())) return
    const { SWEEP_EVERY_MS, sweepConnections } = await import('#live/live_sweep')
    const { endAllConnections } = await import('#live/live_connections')
    const logger = await this.app.container.make('logger')

    let sweeping = false
    this.#timer = setInterval(() => {
      if (sweeping) return
      sweeping = true
      sweepConnections()
        .catch((error) => logger.warn({ err: error }, 'the live streams could not be checked'))
        .finally(() => (sweeping = false))
    }, SWEEP_EVERY_MS)
    this.#timer.unref()

    // Registered after the HTTP server's own hook, so it runs before it (hooks run in reverse).
    this.app.terminating(async () => {
      clearInterval(this.#timer)
      await endAllConnections()
    })
  }
}
