import { existsSync } from 'node:fs'
import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Checks that this app is fit to serve, like Django's `check --deploy`: secrets, production mode,
 * cookies, HSTS, CSP, migrations, the SSR bundle, the database and Redis. Prints every finding
 * with how to fix it; exits 1 when one is serious.
 */
export default class CheckDeploy extends BaseCommand {
  static commandName = 'check:deploy'
  static description = 'Check the deployment settings; exits 1 on a serious finding'

  static options: CommandOptions = { startApp: true }

  async run() {
    const { deployFindings } = await import('#cli/deploy_checks')
    const findings = deployFindings(await this.gatherFacts())

    for (const finding of findings) {
      const line = `${finding.check}: ${finding.message}`
      if (finding.level === 'ok') this.logger.success(line)
      else {
        const log = finding.level === 'serious' ? this.logger.error : this.logger.warning
        log.call(this.logger, `${line}. Fix: ${finding.fix}`)
      }
    }
    const serious = findings.filter((finding) => finding.level === 'serious').length
    if (serious > 0) {
      this.logger.error(`${serious} serious finding(s): not fit to deploy`)
      this.exitCode = 1
    } else {
      this.logger.success('Fit to deploy')
    }
  }

  private async gatherFacts() {
    const { default: env } = await import('#start/env')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { MigrationRunner } = await import('@adonisjs/lucid/migration')
    const { redisConfigured } = await import('#config/redis')
    const { RedisPingCheck } = await import('#services/infrastructure/redis_ping_check')
    const config = this.app.config
    // The session config is a provider, resolved when the session package boots.
    const { configProvider } = await import('@adonisjs/core')
    const session =
      (await configProvider.resolve<{ cookie?: { secure?: boolean } }>(
        this.app,
        config.get('session')
      )) ?? config.get<{ cookie?: { secure?: boolean } }>('session')

    let databaseError: string | null = null
    let pendingMigrations: string[] | null = null
    try {
      await db.rawQuery('select 1')
      const migrator = new MigrationRunner(db, this.app, { direction: 'up' })
      const list = await migrator.getList()
      pendingMigrations = list.filter((entry) => entry.status === 'pending').map((e) => e.name)
    } catch (error) {
      databaseError = (error as Error).message
    }

    let redis: { configured: false } | { configured: true; error: string | null } = {
      configured: false,
    }
    if (redisConfigured) {
      const result = await new RedisPingCheck().run()
      redis = { configured: true, error: result.status === 'ok' ? null : result.message }
    }

    return {
      nodeEnv: process.env.NODE_ENV,
      appKey: env.get('APP_KEY').release(),
      secureCookies: session?.cookie?.secure === true,
      hsts: config.get<boolean>('shield.hsts.enabled', false) === true,
      csp: config.get<boolean>('shield.csp.enabled', false) === true,
      trustedProxies: env.get('TRUSTED_PROXIES'),
      pendingMigrations,
      databaseError,
      redis,
      ssrEnabled: config.get<boolean>('inertia.ssr.enabled', false) === true,
      ssrBundlePresent: existsSync(this.app.makePath('ssr/server/ssr.js')),
    }
  }
}
