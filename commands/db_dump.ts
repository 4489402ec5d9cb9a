import { resolve } from 'node:path'
import type { Writable } from 'node:stream'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Writes the app's data to a JSON fixture file, like Django's `dumpdata`: every model's table and
 * the many-to-many tables (sessions and reset tokens only when named), parents first, read in one
 * snapshot. `db:load` reads the file back.
 */
export default class DbDump extends BaseCommand {
  static commandName = 'db:dump'
  static description = 'Write the rows of models to a JSON fixture file that db:load reads'
  static help = [
    'Everything but sessions and reset tokens: node ace db:dump --output=data.json',
    'Named models only: node ace db:dump project task label task_labels --output=projects.json',
    'To standard output: node ace db:dump user group > accounts.json',
  ]

  static options: CommandOptions = { startApp: true }

  @args.spread({
    description: 'Models in snake case (task, project_member) or many-to-many tables (task_labels)',
    required: false,
  })
  declare models?: string[]

  @flags.string({
    alias: 'o',
    description: 'File to write; none, --output=- or -o - for standard output',
  })
  declare output?: string

  /** Where the file goes without --output (tests give their own). */
  stdout: Writable = process.stdout

  async run() {
    const { FixtureException } = await import('#fixtures/fixture_exception')
    const { fixtureTablesNamed } = await import('#fixtures/fixture_tables')
    const { dumpFixtures, dumpFixturesToFile } = await import('#fixtures/dump')

    try {
      const tables = await fixtureTablesNamed(this.models ?? [])
      if (this.output === undefined || this.output === '-') {
        await this.toStandardOutput(() => dumpFixtures(tables, this.stdout))
        return
      }
      const summary = await dumpFixturesToFile(tables, resolve(this.output))
      const rows = summary.reduce((total, table) => total + table.rows, 0)
      const counts = summary.map((table) => `${table.table} ${table.rows}`).join(', ')
      this.logger.success(
        `Dumped ${summary.length} tables, ${rows} rows to ${this.output} (${counts})`
      )
    } catch (error) {
      if (!(error instanceof FixtureException)) throw error
      for (const problem of error.problems) this.logger.error(problem)
      this.exitCode = 1
    }
  }

  /** Runs `dump`; a reader that stops early (`| head`) closes the pipe, which ends it quietly. */
  private async toStandardOutput(dump: () => Promise<unknown>) {
    const closed = () => {}
    this.stdout.once('error', closed)
    try {
      await dump()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error
    } finally {
      this.stdout.off('error', closed)
    }
  }
}
