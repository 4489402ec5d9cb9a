import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { HealthChecks } from '@adonisjs/core/health'

/**
 * Answers the load balancer's probes before any session, CSRF or auth work: a probe creates no
 * session (no cookie, no Redis key per probe) and keeps answering when the session store is
 * down, so a Redis outage never makes every instance look dead.
 *
 * - `GET /health/live`: the process serves HTTP (200).
 * - `GET /health/ready`: every readiness check passes (200), or one fails (503, with which).
 * HEAD answers the same, without the body.
 */
export default class HealthProbeMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { request, response } = ctx
    const method = request.method()
    if (method !== 'GET' && method !== 'HEAD') return next()

    const path = request.url()
    if (path === '/health/live') return response.ok({ status: 'ok' })
    if (path !== '/health/ready') return next()

    const healthChecks = await app.container.make(HealthChecks)
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
