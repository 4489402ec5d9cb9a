import { readFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Loads a fixture file written by `db:dump`, like Django's `loaddata`: checks the whole file,
 * then upserts each row by its primary key in one transaction, parents first. Loading a file
 * twice changes nothing; a file with a bad record changes nothing and names the record.
 */
export default class DbLoad extends BaseCommand {
  static commandName = 'db:load'
  static description =
    'Load a db:dump file: upsert by primary key in one transaction (plain rows: no model hooks, no activity entries)'
  static help = [
    'node ace db:load data.json',
    'Check a file and try it without keeping anything: node ace db:load data.json --dry-run',
  ]

  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The fixture file, as db:dump writes it' })
  declare file: string

  @flags.boolean({ description: 'Check the file and try the load, then roll it back' })
  declare dryRun: boolean

  async run() {
    const { FixtureException } = await import('#fixtures/fixture_exception')
    const { loadFixtures } = await import('#fixtures/load')

    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      this.logger.error(`Cannot read ${this.file}: ${(error as Error).message}`)
      this.exitCode = 1
      return
    }

    try {
      const summary = await loadFixtures(text, { dryRun: this.dryRun })
      const counts =
        `${summary.created} new, ${summary.updated} updated, ` + `${summary.unchanged} unchanged`
      this.logger.success(
        summary.dryRun
          ? `Dry run: ${this.file} would load ${summary.tables} tables, ${summary.rows} rows ` +
              `(${counts}); nothing was written`
          : `Loaded ${summary.tables} tables, ${summary.rows} rows (${counts})`
      )
    } catch (error) {
      if (!(error instanceof FixtureException)) throw error
      this.logger.error(`${this.file} was not loaded, nothing changed:`)
      for (const problem of error.problems) this.logger.error(problem)
      this.exitCode = 1
    }
  }
}
