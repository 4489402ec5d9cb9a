import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { HealthChecks } from '@adonisjs/core/health'

/** Liveness and readiness probes for load balancers and orchestrators. */
export default class HealthChecksController {
  /** The process is up and serving HTTP. */
  live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  /** The app can do its work: every readiness check passes (200), or one fails (503). */
  @inject()
  async ready({ response }: HttpContext, healthChecks: HealthChecks) {
    const report = await healthChecks.run()
    const checks = report.checks.map((check) => ({
      name: check.name,
      status: check.status,
      message: check.message,
    }))
    const body = { status: report.isHealthy ? 'ok' : 'error', checks }
    return report.isHealthy ? response.ok(body) : response.serviceUnavailable(body)
  }
}
