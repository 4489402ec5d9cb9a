import env from '#start/env'
import { mkdir } from 'node:fs/promises'
import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '#sample_data/demo_accounts'

/**
 * Gets a development database ready: migrates it and, when it has no users yet, seeds the demo
 * data. Run by "npm run dev" before the server starts; later runs only apply new migrations.
 */
export default class Setup extends BaseCommand {
  static commandName = 'setup'
  static description = 'Migrate the database and seed demo data when it is empty'

  static options: CommandOptions = {
    startApp: true,
  }

  async run() {
    await mkdir(this.app.tmpPath(), { recursive: true })

    const migrate = await this.kernel.exec('migration:run', ['--compact-output'])
    if (migrate.exitCode) {
      this.exitCode = migrate.exitCode
      return
    }

    const { default: db } = await import('@adonisjs/lucid/services/db')
    const [{ total }] = await db.from('users').count('* as total')
    if (Number(total) > 0) {
      this.logger.info('Database ready')
    } else {
      const seed = await this.kernel.exec('db:seed', ['--compact-output'])
      if (seed.exitCode) {
        this.exitCode = seed.exitCode
        return
      }
      this.printDemoAccounts()
    }
  }

  private printDemoAccounts() {
    const password = env.get('DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD)
    const table = this.ui.table()
    table.head(['Demo account', 'Role', 'Password'])
    for (const account of DEMO_ACCOUNTS) table.row([account.email, account.role, password])

    this.logger.success(`Demo data seeded. Open ${env.get('APP_URL')} and log in with:`)
    table.render()
  }
}
