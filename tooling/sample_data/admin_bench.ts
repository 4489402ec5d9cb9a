import type { AdminCount } from '#admin/types'

/** One change list request the benchmark times: a name and the query string it sends. */
export type BenchScenario = { name: string; query: Record<string, string> }

/** What one scenario measured: its timings in milliseconds and what the page showed. */
export type BenchResult = {
  scenario: string
  samples: number[]
  rows: number
  count: AdminCount
}

/** Median, 95th percentile and fastest of a list of timings. */
export type BenchStats = { median: number; p95: number; min: number }

/** The server time a change list may take at the median, in milliseconds. */
export const MEDIAN_BUDGET_MS = 100

/** Filter and search the benchmark uses for an admin when none is given on the command line. */
export const BENCH_DEFAULTS: Record<string, { filter?: string; search?: string; sort?: string }> = {
  // "login" is in two of the forty subjects of generated task titles: about 5% of the tasks.
  tasks: { filter: 'status=done', search: 'login', sort: '-priority' },
}

/** Reads `status=done` (several joined with `&`) into query string parameters. */
export function parseFilter(filter: string): Record<string, string> {
  const params: Record<string, string> = {}
  for (const part of filter.split('&')) {
    const [name, ...rest] = part.split('=')
    if (!name || rest.length === 0) {
      throw new Error(`The filter "${filter}" is not of the form name=value`)
    }
    params[name.trim()] = rest.join('=').trim()
  }
  return params
}

/**
 * The requests the benchmark times, in order: the first page in the default ordering, a
 * filtered page, a search, both together, the first page sorted by a column and the second page.
 * Without a filter, a search term or a sort, the scenarios that need one are left out.
 */
export function benchScenarios(options: {
  filter?: string
  search?: string
  sort?: string
}): BenchScenario[] {
  const filter = options.filter ? parseFilter(options.filter) : null
  const search = options.search?.trim() || null
  const scenarios: BenchScenario[] = [{ name: 'first page (default ordering)', query: {} }]
  if (filter) scenarios.push({ name: `filtered page (${options.filter})`, query: filter })
  if (search) scenarios.push({ name: `search (${search})`, query: { q: search } })
  if (filter && search) {
    scenarios.push({ name: 'filtered + search', query: { ...filter, q: search } })
  }
  const sort = options.sort?.trim() || null
  if (sort) scenarios.push({ name: `sorted (${sort})`, query: { sort } })
  scenarios.push({ name: 'page 2', query: { page: '2' } })
  return scenarios
}

/** The value at fraction `p` of ascending `sorted` timings, by nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) throw new Error('No timings to summarize')
  const rank = Math.ceil(p * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/** Median (the mean of the middle two for an even count), p95 and minimum of `samples`. */
export function statsOf(samples: number[]): BenchStats {
  const sorted = [...samples].sort((a, b) => a - b)
  if (sorted.length === 0) throw new Error('No timings to summarize')
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { median, p95: percentile(sorted, 0.95), min: sorted[0] }
}

/** A count as the change list shows it: "1,000,000", "~1,000,000" or "10,000+". */
export function formatCount(count: AdminCount): string {
  const value = count.value.toLocaleString('en-US')
  if (count.kind === 'estimate') return `~${value}`
  if (count.kind === 'atLeast') return `${value}+`
  return value
}

/** Milliseconds with one decimal. */
export function formatMs(ms: number): string {
  return ms.toFixed(1)
}

/** The header of the results table. */
export const BENCH_TABLE_HEAD = [
  'Scenario',
  'Median ms',
  'p95 ms',
  'Min ms',
  'Rows',
  'Count',
  'Kind',
]

/** The cells of the results table, one line per scenario. */
export function benchTableRows(results: BenchResult[]): string[][] {
  return results.map((result) => {
    const stats = statsOf(result.samples)
    return [
      result.scenario,
      formatMs(stats.median),
      formatMs(stats.p95),
      formatMs(stats.min),
      String(result.rows),
      formatCount(result.count),
      result.count.kind,
    ]
  })
}

/** The scenarios whose median is at or over `budgetMs`. */
export function slowScenarios(results: BenchResult[], budgetMs = MEDIAN_BUDGET_MS): BenchResult[] {
  return results.filter((result) => statsOf(result.samples).median >= budgetMs)
}

/**
 * The statements of `sql` that count the rows of `table` directly (`select count(*) … from
 * tasks`), as opposed to counting a bounded subquery (`select count(*) from (select 1 from tasks
 * … limit 10001)`): over a large table, the exact count the change list must never run.
 */
export function exactCountsOf(sql: string[], table: string): string[] {
  const quoted = `["\`]?${table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["\`]?`
  const direct = new RegExp(
    `^\\s*select\\s+count\\([^)]*\\)[^()]*?\\bfrom\\s+${quoted}(\\s|$)`,
    'i'
  )
  return sql.filter((statement) => direct.test(statement))
}
