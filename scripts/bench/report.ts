import { mkdirSync, writeFileSync } from 'node:fs'

/** The measured figures of one workload, or why none are reported. */
export type WorkloadResult = {
  key: string
  title: string
  /** Set when the answer was wrong: then no figure is reported. */
  refused: string | null
  requestsPerSecond: number | null
  p50Ms: number | null
  p99Ms: number | null
  errors: number | null
  requests: number | null
  rssStartMb: number | null
  /** Halfway through the run: memory that is flat grows little between here and the end. */
  rssMidMb: number | null
  rssEndMb: number | null
  /** The largest worker's memory at the end of the run. */
  workerRssMb: number | null
  /** The frameworkless ceiling's figures for the same workload (`--ceiling`), or null. */
  ceiling: CeilingResult | null
  /** Atrium ÷ ceiling in requests per second, when both were measured. */
  ratio: number | null
}

/** The ceiling's figures for a workload, or why none are reported (it answered other data). */
export type CeilingResult = {
  refused: string | null
  requestsPerSecond: number | null
  p50Ms: number | null
  p99Ms: number | null
  errors: number | null
  workerRssMb: number | null
}

/** One benchmark run on one database. */
export type BenchRun = {
  database: string
  settings: Record<string, string | number | boolean>
  seedSeconds: number | null
  results: WorkloadResult[]
}

/** The figures of a workload whose answer was wrong: none. */
export function refusedResult(workload: { key: string; title: string }, refused: string) {
  return {
    key: workload.key,
    title: workload.title,
    refused,
    requestsPerSecond: null,
    p50Ms: null,
    p99Ms: null,
    errors: null,
    requests: null,
    rssStartMb: null,
    rssMidMb: null,
    rssEndMb: null,
    workerRssMb: null,
    ceiling: null,
    ratio: null,
  } satisfies WorkloadResult
}

/** The round of a workload's rounds with the median requests per second (the lower of two). */
export function medianRound<Round extends { requestsPerSecond: number | null }>(
  rounds: Round[]
): Round {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond! - b.requestsPerSecond!)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

const COLUMNS = ['Workload', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'RSS MB start → mid → end']

/** The columns added when the run measured the ceiling. */
const CEILING_COLUMNS = [
  'ceiling req/s',
  'ceiling p99 ms',
  'ceiling errors',
  'Atrium ÷ ceiling',
  'worker RSS MB (Atrium / ceiling)',
]

/** A ratio as the issue reads it: `0.16×`. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '' : `${ratio.toFixed(2)}×`
}

const megabytes = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value.toFixed(0)

function ceilingCells(result: WorkloadResult): string[] {
  const ceiling = result.ceiling
  if (!ceiling) return ['', '', '', '', megabytes(result.workerRssMb)]
  if (ceiling.refused) return [`refused: ${ceiling.refused}`, '', '', '', '']
  return [
    Math.round(ceiling.requestsPerSecond!).toLocaleString('en-US'),
    ceiling.p99Ms!.toFixed(1),
    String(ceiling.errors),
    formatRatio(result.ratio),
    `${megabytes(result.workerRssMb)} / ${megabytes(ceiling.workerRssMb)}`,
  ]
}

/** The table's header and rows for a run: the ceiling's columns only when it was measured. */
export function tableRows(run: BenchRun): string[][] {
  const withCeiling = run.results.some((result) => result.ceiling !== null)
  const columns = withCeiling ? [...COLUMNS, ...CEILING_COLUMNS] : COLUMNS
  const rows = run.results.map((result) =>
    withCeiling ? [...cells(result), ...ceilingCells(result)] : cells(result)
  )
  return [columns, ...rows]
}

function cells(result: WorkloadResult): string[] {
  if (result.refused) return [result.key, `refused: ${result.refused}`, '', '', '', '']
  return [
    result.key,
    Math.round(result.requestsPerSecond!).toLocaleString('en-US'),
    result.p50Ms!.toFixed(1),
    result.p99Ms!.toFixed(1),
    String(result.errors),
    [result.rssStartMb, result.rssMidMb, result.rssEndMb].map((mb) => mb!.toFixed(0)).join(' → '),
  ]
}

/** Two workloads' figures side by side: `label: A vs B req/s, p50 a vs b ms (+d ms)`. */
function versus(label: string, results: WorkloadResult[], key: string, baseKey: string) {
  const measured = results.find((result) => result.key === key && !result.refused)
  const base = results.find((result) => result.key === baseKey && !result.refused)
  if (!measured || !base) return null
  const extra = measured.p50Ms! - base.p50Ms!
  return (
    `${label}: ${Math.round(measured.requestsPerSecond!)} vs ${Math.round(base.requestsPerSecond!)} req/s, ` +
    `p50 ${measured.p50Ms!.toFixed(1)} vs ${base.p50Ms!.toFixed(1)} ms ` +
    `(${extra >= 0 ? '+' : ''}${extra.toFixed(1)} ms)`
  )
}

/** Atrium ÷ ceiling of every workload that has one: `Atrium ÷ ceiling: W1 0.16×, W2 0.11×`. */
export function ratiosLine(results: WorkloadResult[]): string | null {
  const ratios = results.filter((result) => result.ratio !== null)
  if (ratios.length === 0) return null
  const figures = ratios.map((result) => `${result.key} ${formatRatio(result.ratio)}`)
  return `Atrium ÷ ceiling: ${figures.join(', ')}`
}

/**
 * What the API costs beside the page it mirrors (W6 vs W1), and what the token check costs (W6,
 * with the bearer token, vs W6s, the same call with the session), when both were measured.
 */
export function comparisons(results: WorkloadResult[]): string[] {
  return [
    ratiosLine(results),
    versus('API list vs page list (W6 vs W1)', results, 'W6', 'W1'),
    versus('Token check (W6 token vs W6s session)', results, 'W6', 'W6s'),
    versus('API create vs page create (W7 vs W3)', results, 'W7', 'W3'),
  ].filter((line) => line !== null)
}

/** The runs as one Markdown document: settings, then a table per database. */
export function toMarkdown(runs: BenchRun[]): string {
  const lines = ['# Atrium benchmark', '']
  for (const run of runs) {
    lines.push(`## ${run.database}`, '')
    const settings = Object.entries(run.settings).map(([key, value]) => `${key}=${value}`)
    lines.push(`Settings: ${settings.join(', ')}.`)
    if (run.seedSeconds !== null) lines.push(`Seeded in ${run.seedSeconds.toFixed(0)} s.`)
    const [columns, ...rows] = tableRows(run)
    lines.push('', `| ${columns.join(' | ')} |`, `|${columns.map(() => ' --- ').join('|')}|`)
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`)
    lines.push('')
    for (const line of comparisons(run.results)) lines.push(`- ${line}`)
    lines.push('')
    for (const result of run.results) lines.push(`- ${result.key}: ${result.title}`)
    lines.push('')
  }
  return lines.join('\n')
}

/** Prints the runs as a table and writes them as JSON and Markdown under `dir`. */
export function writeReport(runs: BenchRun[], dir: string): { json: string; markdown: string } {
  for (const run of runs) {
    console.log(`\n${run.database}`)
    const rows = tableRows(run)
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
    for (const row of rows) {
      console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '))
    }
    for (const line of comparisons(run.results)) console.log(line)
  }
  mkdirSync(dir, { recursive: true })
  const json = `${dir}/results.json`
  const markdown = `${dir}/results.md`
  writeFileSync(json, JSON.stringify(runs, null, 2))
  writeFileSync(markdown, toMarkdown(runs))
  return { json, markdown }
}
