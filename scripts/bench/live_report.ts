// The live benchmark's figures, and their printed table, tmp/bench/live.json and live.md.
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import {
  type LiveBenchSettings,
  MISSED_AFTER_MS,
  STREAMS_PER_USER,
  WRITE_GAP_MS,
} from './live_settings.ts'
import type { LiveTally } from './live_tally.ts'

/** Memory per stream and how the streams opened. */
export type Opening = {
  openSeconds: number
  /** Whether every stream had its first ping before the memory was read. */
  allPinged: boolean
  settleSeconds: number
  rssBeforeMb: number[]
  rssAfterMb: number[]
  perConnectionKb: number
}

/** How the server ended its streams and exited at SIGTERM. */
export type Shutdown = {
  /** null: it had not exited after `STOP_MAX_MS` (live.ts) and was killed. */
  exitCode: number | null
  exitSeconds: number
  /** From SIGTERM to the last stream's end. */
  streamsEndedSeconds: number
  /** Streams still open 2 s after the process exited. */
  streamsLeftOpen: number
  endedMessages: number
}

/** The moves' delivery figures: time to the last stream per move, and over every delivery. */
type Deliveries = {
  writes: number
  /** Moves not answered by the redirect back to the board. */
  failedRequests: number
  requestP50Ms: number
  lastClientP50Ms: number
  lastClientP95Ms: number
  lastClientP99Ms: number
  deliveryP50Ms: number
  deliveryP99Ms: number
  deliveries: number
  missed: number
  /** Streams that ended before the server was stopped. */
  endedEarly: number
  /** Messages other than pings, the moves' changes and the last word. */
  otherMessages: number
}

/** Everything one run of the live benchmark found. */
type LiveFigures = {
  opening: Opening
  deliveries: Deliveries
  shutdown: Shutdown
  /** The server's warnings and errors. */
  problems: string[]
}

/** The nearest-rank percentile `p` (0–1) of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]
}

/** Sums up the deliveries: a move's time to its last stream counts only when none was missed. */
export function deliveryFigures(tally: LiveTally, endedEarly: number): Deliveries {
  const writes = [...tally.writes.values()]
  const lastClient: number[] = []
  const every: number[] = []
  let missed = 0
  for (const write of writes) {
    let last = 0
    let missedHere = 0
    for (const at of write.arrivals) {
      const ms = at - write.sentAt
      if (Number.isNaN(ms) || ms > MISSED_AFTER_MS) {
        missedHere++
        continue
      }
      every.push(ms)
      last = Math.max(last, ms)
    }
    missed += missedHere
    if (missedHere === 0) lastClient.push(last)
  }
  const sorted = (values: number[]) => values.sort((a, b) => a - b)
  sorted(lastClient)
  sorted(every)
  const requests = sorted(writes.map((write) => write.requestMs))
  return {
    writes: writes.length,
    failedRequests: writes.filter((write) => ![302, 303].includes(write.status)).length,
    requestP50Ms: percentile(requests, 0.5),
    lastClientP50Ms: percentile(lastClient, 0.5),
    lastClientP95Ms: percentile(lastClient, 0.95),
    lastClientP99Ms: percentile(lastClient, 0.99),
    deliveryP50Ms: percentile(every, 0.5),
    deliveryP99Ms: percentile(every, 0.99),
    deliveries: every.length,
    missed,
    endedEarly,
    otherMessages: tally.otherMessages,
  }
}

/** A whole number with thousands separators, as the table prints it. */
export const count = (value: number) => value.toLocaleString('en-US')
const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1))
const mb = (values: number[]) => values.map((value) => value.toFixed(0)).join(' + ')

/** The figures as rows: a measure and its value. */
function tableRows(figures: LiveFigures, clients: number): string[][] {
  const { opening, deliveries, shutdown } = figures
  const pinged = opening.allPinged
    ? `after every stream's first ping (${opening.settleSeconds.toFixed(1)} s)`
    : `${opening.settleSeconds.toFixed(1)} s after opening, not every stream pinged yet`
  return [
    ['Measure', 'Value'],
    [
      'Streams answered 200 / time to open all',
      `${count(clients)} / ${opening.openSeconds.toFixed(1)} s`,
    ],
    [
      'Web process RSS before → after (MB)',
      `${mb(opening.rssBeforeMb)} → ${mb(opening.rssAfterMb)}`,
    ],
    ['Memory per stream (kB)', opening.perConnectionKb.toFixed(1)],
    ['Memory read', pinged],
    [
      'Move → last stream p50 / p95 / p99 (ms)',
      `${ms(deliveries.lastClientP50Ms)} / ${ms(deliveries.lastClientP95Ms)} / ${ms(deliveries.lastClientP99Ms)}`,
    ],
    [
      'Move → every delivery p50 / p99 (ms)',
      `${ms(deliveries.deliveryP50Ms)} / ${ms(deliveries.deliveryP99Ms)}`,
    ],
    [
      'Deliveries / missed',
      `${count(deliveries.deliveries)} / ${count(deliveries.missed)} of ${count(deliveries.writes * clients)}`,
    ],
    [
      'Board move request p50 (ms) / failed',
      `${ms(deliveries.requestP50Ms)} / ${deliveries.failedRequests}`,
    ],
    [
      'Streams ended early / other messages',
      `${deliveries.endedEarly} / ${deliveries.otherMessages}`,
    ],
    ['SIGTERM → every stream ended (s)', shutdown.streamsEndedSeconds.toFixed(2)],
    [
      'SIGTERM → process exited (s) / exit code',
      `${shutdown.exitSeconds.toFixed(2)} / ${shutdown.exitCode ?? 'killed'}`,
    ],
    [
      'Streams given "ended" / left open',
      `${count(shutdown.endedMessages)} / ${shutdown.streamsLeftOpen}`,
    ],
    ['Server warnings and errors', String(figures.problems.length)],
  ]
}

function settingsLine(settings: LiveBenchSettings): string {
  const database = settings.database === 'pg' ? 'PostgreSQL' : 'SQLite'
  const fanOut = settings.redis ? 'Redis fan-out' : 'no Redis'
  const processes =
    settings.workers === 1 ? '1 web process' : `${settings.workers} web workers behind a primary`
  return (
    `${count(settings.clients)} streams on one project's channel, ${STREAMS_PER_USER} per ` +
    `member (the server's limit per user and process), each member logged in once; ` +
    `${settings.writes} board moves ${WRITE_GAP_MS} ms apart, a delivery not seen within ` +
    `${MISSED_AFTER_MS / 1000} s counted missed. ${database}, ${fanOut}, ${processes}. ` +
    `Loopback, clients and server on one machine of ${cpus().length} CPU cores.`
  )
}

/** Prints the table and writes tmp/bench/live.json and live.md. */
export function report(root: string, settings: LiveBenchSettings, figures: LiveFigures) {
  const rows = tableRows(figures, settings.clients)
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  console.log(`\nLive pages benchmark. ${settingsLine(settings)}`)
  for (const row of rows) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '))
  }
  for (const line of figures.problems.slice(0, 10)) console.log(`server: ${line}`)

  const markdown = [
    '# Atrium live pages benchmark',
    '',
    settingsLine(settings),
    '',
    `| ${rows[0].join(' | ')} |`,
    '| --- | --- |',
    ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n')
  writeFileSync(`${root}tmp/bench/live.json`, JSON.stringify({ settings, ...figures }, null, 2))
  writeFileSync(`${root}tmp/bench/live.md`, markdown)
  console.log(`\nWritten: ${root}tmp/bench/live.json, ${root}tmp/bench/live.md`)
}
