import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { liveEnv, prepareLiveDatabase } from './live_database.ts'
import {
  count as formatCount,
  deliveryFigures,
  type Opening,
  report,
  type Shutdown,
} from './live_report.ts'
import {
  type LiveBenchSettings,
  MISSED_AFTER_MS,
  STREAMS_PER_USER,
  WRITE_GAP_MS,
} from './live_settings.ts'
import { LiveStreams } from './live_streams.ts'
import { LiveTally, type Write } from './live_tally.ts'
import { type BenchServer, startServer } from './server.ts'
import { Visitor } from './visitor.ts'

/** The password of the bench users, as tooling/sample_data/large_seed.ts creates them. */
const BENCH_PASSWORD = 'atrium-bench-2026'

/** The email of bench user `n` (1-based); user 1 owns the project and makes the moves. */
function benchEmail(n: number): string {
  return `member${n}@bench.atrium.test`
}

/** Streams opened and closed before measuring, so that compiling their code is not counted. */
const WARM_UP_STREAMS = 10
/** The server pings every 15 s: the memory is read once every stream had one, or after this. */
const SETTLE_MAX_MS = 16_000
/** How long the server gets to end its streams and exit after SIGTERM before it is killed. */
const STOP_MAX_MS = 40_000

/** The web processes' memory: each worker's, or the single process's when there is no primary. */
function webRss(server: BenchServer): number[] {
  const workers = server.workerRss()
  return workers.length > 0 ? workers : [server.rss()]
}

/** Waits until `done` holds, checking every 20 ms, at most `ms`: whether it held. */
async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms
  while (!done()) {
    if (performance.now() > deadline) return false
    await sleep(20)
  }
  return true
}

/** Kills this process's children still running `bin/start.js` (a server that did not stop). */
function killStuckServer() {
  for (const thread of readdirSync(`/proc/${process.pid}/task`)) {
    const children = readFileSync(`/proc/${process.pid}/task/${thread}/children`, 'utf8')
    for (const pid of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (command.includes('bin/start.js')) process.kill(pid, 'SIGKILL')
    }
  }
}

/** The server's output lines that report a problem (pino level warn or above, or an error). */
function problemLines(output: string): string[] {
  return output.split('\n').filter((line) => {
    const level = line.match(/"level":(\d+)/)
    return level ? Number(level[1]) >= 40 : /error|exception/i.test(line)
  })
}

/** Logs bench users 1 to `count` in, a few at a time. */
async function logInMembers(baseUrl: string, count: number): Promise<Visitor[]> {
  const members = Array.from({ length: count }, () => new Visitor(baseUrl))
  let next = 0
  const logIn = async () => {
    while (next < count) {
      const index = next++
      await members[index].logIn(benchEmail(index + 1), BENCH_PASSWORD)
    }
  }
  await Promise.all(Array.from({ length: Math.min(4, count) }, logIn))
  return members
}

/** Opens a few streams and closes them again, for the server to compile what they run. */
async function warmUp(url: string, headers: Record<string, string>) {
  const streams = new LiveStreams(url, () => headers, { onEvent() {}, onEnd() {} })
  await streams.open(WARM_UP_STREAMS)
  streams.close()
  await sleep(500)
}

/**
 * Opens the streams, {@link STREAMS_PER_USER} per member, and waits for each to answer 200 and then for
 * its first ping (at most {@link SETTLE_MAX_MS}): the web processes' memory before and after.
 */
async function openStreams(
  server: BenchServer,
  streams: LiveStreams,
  tally: LiveTally,
  clients: number
): Promise<Opening> {
  const before = webRss(server)
  const started = performance.now()
  const refused = await streams.open(clients)
  const openSeconds = (performance.now() - started) / 1000
  if (refused.length > 0) {
    throw new Error(
      `${refused.length} of ${clients} streams were refused, e.g. ` +
        `${refused[0].status} ${refused[0].body}`
    )
  }
  const settled = performance.now()
  const allPinged = await waitUntil(
    () => tally.firstPing.every((at) => !Number.isNaN(at)),
    SETTLE_MAX_MS
  )
  const settleSeconds = (performance.now() - settled) / 1000
  const after = webRss(server)
  const delta = after.reduce((sum, rss, index) => sum + rss - (before[index] ?? 0), 0)
  const megabytes = (values: number[]) => values.map((rss) => rss / 2 ** 20)
  return {
    openSeconds,
    allPinged,
    settleSeconds,
    rssBeforeMb: megabytes(before),
    rssAfterMb: megabytes(after),
    perConnectionKb: delta / 1024 / clients,
  }
}

/** A task of the board, as its page reads it. */
type BoardTask = { id: number; status: string; version: number }

/**
 * Moves `task` back and forth between its column and another, `count` times, one move at a time
 * and {@link WRITE_GAP_MS} apart, each from the column it is in; then waits for the deliveries,
 * at most {@link MISSED_AFTER_MS} after the last move.
 */
async function timeWrites(
  member: Visitor,
  projectId: number,
  task: BoardTask,
  tally: LiveTally,
  count: number
) {
  const columns = [task.status, task.status === 'done' ? 'todo' : 'done']
  const clients = tally.firstPing.length
  let lastSentAt = 0
  for (let index = 0; index < count; index++) {
    const [from, to] = index % 2 === 0 ? columns : [columns[1], columns[0]]
    const write: Write = {
      sentAt: performance.now(),
      requestMs: 0,
      status: 0,
      arrivals: new Float64Array(clients).fill(Number.NaN),
    }
    tally.writes.set(`${task.id}:${task.version + index + 1}`, write)
    lastSentAt = write.sentAt
    const response = await member.request(`/projects/${projectId}/board/tasks/${task.id}`, {
      method: 'PATCH',
      headers: {
        ...member.inertiaHeaders(),
        'content-type': 'application/json',
        'x-xsrf-token': member.xsrfToken,
      },
      body: JSON.stringify({ status: to, from }),
    })
    await response.arrayBuffer()
    write.requestMs = performance.now() - write.sentAt
    write.status = response.status
    await sleep(WRITE_GAP_MS)
  }
  const writes = [...tally.writes.values()]
  await waitUntil(
    () => writes.every((write) => write.arrivals.every((at) => !Number.isNaN(at))),
    Math.max(0, lastSentAt + MISSED_AFTER_MS - performance.now())
  )
}

/** Stops the server with SIGTERM and times the end of its streams and its exit. */
async function stopServer(server: BenchServer, tally: LiveTally): Promise<Shutdown> {
  const started = performance.now()
  const timedOut = Symbol('timed out')
  const exitCode = await Promise.race([server.stop(), sleep(STOP_MAX_MS, timedOut)])
  const exitSeconds = (performance.now() - started) / 1000
  if (exitCode === timedOut) killStuckServer()
  const clients = tally.endedAt.length
  await waitUntil(() => tally.ended() === clients, 2000)
  const ends = tally.endedAt.filter((at) => !Number.isNaN(at))
  return {
    exitCode: exitCode === timedOut ? null : exitCode,
    exitSeconds,
    streamsEndedSeconds: ends.length > 0 ? (Math.max(...ends) - started) / 1000 : Number.NaN,
    streamsLeftOpen: clients - ends.length,
    endedMessages: tally.endedMessages,
  }
}

/**
 * The live pages benchmark (`npm run bench -- live`): `clients` streams on one project's channel
 * held by the production server, then `writes` board moves, one at a time: how long each takes to
 * reach the last stream, the memory each stream costs the server, and how the streams end at
 * SIGTERM. Prints a table and writes tmp/bench/live.json and live.md.
 */
export async function benchmarkLive(root: string, buildDir: string, settings: LiveBenchSettings) {
  mkdirSync(`${root}tmp/bench`, { recursive: true })
  const env = liveEnv(settings, root)
  const memberCount = Math.max(1, Math.ceil(settings.clients / STREAMS_PER_USER))
  const projectId = await prepareLiveDatabase(env, buildDir, memberCount)
  const server = await startServer(buildDir, env)
  const tally = new LiveTally(settings.clients)
  let streams: LiveStreams | null = null
  try {
    const members = await logInMembers(server.url, memberCount)
    const member = members[0]
    const board = await member.visit(`/projects/${projectId}/board`)
    const task = (board.props.tasks as BoardTask[])[0]
    if (!task) throw new Error(`The board of project ${projectId} has no tasks`)

    const channels = new URLSearchParams({ channels: `projects/${projectId}` })
    const url = `${server.url}/live?${channels}`
    await warmUp(url, { cookie: members.at(-1)!.cookie })
    streams = new LiveStreams(
      url,
      (index) => ({ cookie: members[Math.floor(index / STREAMS_PER_USER)].cookie }),
      tally
    )
    console.log(`Live: opening ${formatCount(settings.clients)} streams on projects/${projectId}…`)
    const opening = await openStreams(server, streams, tally, settings.clients)
    console.log(`Live: ${settings.writes} board moves, ${WRITE_GAP_MS} ms apart…`)
    await timeWrites(member, projectId, task, tally, settings.writes)
    const deliveries = deliveryFigures(tally, tally.ended())
    console.log('Live: stopping the server (SIGTERM)…')
    const shutdown = await stopServer(server, tally)
    report(root, settings, {
      opening,
      deliveries,
      shutdown,
      problems: problemLines(server.output()),
    })
  } finally {
    streams?.close()
    const code = await Promise.race([server.stop(), sleep(STOP_MAX_MS, 'timed out')])
    if (code === 'timed out') killStuckServer()
  }
}
