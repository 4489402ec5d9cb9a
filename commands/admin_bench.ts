import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import {
  BENCH_DEFAULTS,
  BENCH_TABLE_HEAD,
  type BenchResult,
  type BenchScenario,
  MEDIAN_BUDGET_MS,
  benchScenarios,
  benchTableRows,
  exactCountsOf,
  formatMs,
  slowScenarios,
  statsOf,
} from '#sample_data/admin_bench'

/** Untimed runs of each scenario before the timed ones: caches, prepared plans, the JIT. */
const WARM_UPS = 3

/** A SQL statement as the database client reports it. */
type Statement = { sql: string; bindings?: unknown[] }

/**
 * Times the admin's change list of a model as `RecordsController.index` builds it (filters, query
 * string state, the page and its count, the sidebar) for a superuser: the first page, a filtered
 * page, a search, both, a sorted page and page 2. Prints median, p95 and minimum per scenario and the SQL of one
 * run of each; exits 1 when a median reaches the budget or an exact COUNT(*) runs over a large
 * table. Seed data first with `node ace seed:large`, into a database of its own.
 */
export default class AdminBench extends BaseCommand {
  static commandName = 'admin:bench'
  static description = 'Time the admin change list of a model; exits 1 over the budget'

  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The admin URL segment of the model', default: 'tasks' })
  declare model: string

  @flags.number({ description: 'Timed runs per scenario (after 3 warm-ups)', default: 30 })
  declare runs: number

  @flags.string({ description: 'Search term (default for tasks: "login")' })
  declare search?: string

  @flags.string({ description: 'Filter as name=value (default for tasks: "status=done")' })
  declare filter?: string

  @flags.string({ description: 'Sort param of the sorted page (default for tasks: "-priority")' })
  declare sort?: string

  @flags.boolean({ description: 'Time only the unfiltered pages (first page, page 2)' })
  declare unfiltered: boolean

  @flags.number({ description: 'Median server time allowed, in ms', default: MEDIAN_BUDGET_MS })
  declare budget: number

  async run() {
    await import('#start/admin')
    const { default: adminSite } = await import('#admin/admin_site')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { estimatedRows, EXACT_COUNT_BELOW } = await import('#admin/counts')

    if (!Number.isSafeInteger(this.runs) || this.runs < 1) {
      this.logger.error(`--runs must be a whole number of at least 1, got ${this.runs}`)
      this.exitCode = 1
      return
    }
    const admin = adminSite.bySlug(this.model)
    const ctx = await this.superuserContext()
    const defaults = BENCH_DEFAULTS[admin.slug] ?? {}
    const searchable = admin.getSearchFields(ctx).length > 0
    const scenarios = benchScenarios(
      this.unfiltered
        ? {}
        : {
            filter: this.filter ?? defaults.filter,
            search: searchable ? (this.search ?? defaults.search) : undefined,
            sort: this.sort ?? defaults.sort,
          }
    )

    const connection = db.connection()
    const tableRows = await estimatedRows(admin.table)
    const size =
      tableRows === null
        ? 'never analyzed'
        : `~${tableRows.toLocaleString('en-US')} rows by estimate`
    this.logger.info(
      `${admin.pluralLabel} (table ${admin.table}, ${size}) on ${connection.dialect.name} ` +
        `(connection "${connection.connectionName}"), ${this.runs} runs after ${WARM_UPS} warm-ups`
    )

    const results: BenchResult[] = []
    const statements = new Map<string, string[]>()
    for (const scenario of scenarios) {
      results.push(await this.measure(admin, ctx, scenario))
      const { sql } = await this.recordQueries(() => this.changeList(admin, ctx, scenario))
      statements.set(scenario.name, sql)
    }

    const table = this.ui.table()
    table.head(BENCH_TABLE_HEAD)
    for (const row of benchTableRows(results)) table.row(row)
    table.render()

    this.logger.info('SQL of one run per scenario:')
    for (const [name, sql] of statements) {
      this.logger.log(`  ${name}`)
      for (const statement of sql) this.logger.log(`    ${statement}`)
    }

    const large = tableRows === null || tableRows >= EXACT_COUNT_BELOW
    const exactCounts = large ? exactCountsOf([...statements.values()].flat(), admin.table) : []
    for (const statement of exactCounts) {
      this.logger.error(`An exact COUNT(*) over the large table ${admin.table}: ${statement}`)
    }
    const slow = slowScenarios(results, this.budget)
    for (const result of slow) {
      this.logger.error(
        `"${result.scenario}" takes ${formatMs(statsOf(result.samples).median)} ms at the median ` +
          `(budget ${this.budget} ms)`
      )
    }
    if (slow.length > 0 || exactCounts.length > 0) {
      this.exitCode = 1
    } else {
      this.logger.success(
        `Every median is under ${this.budget} ms` +
          (large ? `; no exact COUNT(*) over ${admin.table}` : '')
      )
    }
  }

  /** An active superuser held in memory: the admin asks nothing else of the user here. */
  private async superuserContext(): Promise<AdminContext> {
    const { default: User } = await import('#models/user')
    const { AdminContext } = await import('#admin/admin_context')
    const user = new User()
    user.merge({ isActive: true, isStaff: true, isSuperuser: true, timeZone: 'UTC' })
    return new AdminContext(user, new Set())
  }

  /** The server work of `RecordsController.index`, props serialized as the response would be. */
  private async changeList(admin: ModelAdmin, ctx: AdminContext, scenario: BenchScenario) {
    const { adminNav } = await import('#admin/navigation')
    const { buildChangeList, readChangeListRequest } = await import('#admin/change_list')
    const { filters, state } = await readChangeListRequest({ admin, ctx, query: scenario.query })
    const changeList = await buildChangeList({ admin, ctx, state, filters })
    const props = { nav: adminNav(ctx), ...changeList }
    JSON.stringify(props)
    return props
  }

  private async measure(
    admin: ModelAdmin,
    ctx: AdminContext,
    scenario: BenchScenario
  ): Promise<BenchResult> {
    for (let run = 0; run < WARM_UPS; run++) await this.changeList(admin, ctx, scenario)
    const samples: number[] = []
    let props: Awaited<ReturnType<AdminBench['changeList']>> | null = null
    for (let run = 0; run < this.runs; run++) {
      const started = performance.now()
      props = await this.changeList(admin, ctx, scenario)
      samples.push(performance.now() - started)
    }
    return {
      scenario: scenario.name,
      samples,
      rows: props!.rows.length,
      count: props!.pagination.count,
    }
  }

  /** Runs `work` and keeps every statement sent to the default connection meanwhile. */
  private async recordQueries<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const connection = db.connection()
    const clients = new Set([connection.getWriteClient(), connection.getReadClient()])
    const sql: string[] = []
    const listener = (query: Statement) => {
      const bindings = query.bindings?.length ? ` ${JSON.stringify(query.bindings)}` : ''
      sql.push(`${query.sql}${bindings}`)
    }
    for (const client of clients) client.on('query', listener)
    try {
      return { result: await work(), sql }
    } finally {
      for (const client of clients) client.off('query', listener)
    }
  }
}
