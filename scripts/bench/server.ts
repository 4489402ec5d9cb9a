import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

/** A production server the benchmark started, and how to measure and stop it. */
export type BenchServer = {
  url: string
  /** Resident memory of the server's processes (primary and workers), in bytes. */
  rss: () => number
  /** Resident memory of each worker process, in bytes. */
  workerRss: () => number[]
  output: () => string
  stop: () => Promise<number | null>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function childPids(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    return children ? children.split(/\s+/).map(Number) : []
  } catch {
    return []
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = status.match(/^VmRSS:\s+(\d+) kB/m)
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** Starts `node bin/start.js` from the build folder, as `npm start` does, and waits for it. */
export function startServer(buildDir: string, env: Record<string, string>) {
  return startProcess(['bin/start.js'], buildDir, env)
}

/**
 * Starts the frameworkless ceiling (scripts/bench/ceiling/server.ts) with `env` (its database,
 * workers, secret, Atrium's asset version and login page), and waits for it.
 */
export function startCeiling(root: string, env: Record<string, string>) {
  return startProcess([`${root}scripts/bench/ceiling/server.ts`], root, env)
}

/** Starts a server process listening on a free port, and waits until it is ready. */
async function startProcess(command: string[], cwd: string, env: Record<string, string>) {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, command, {
    cwd,
    env: {
      PATH: process.env.PATH,
      // e.g. BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=tmp/prof" to profile the server.
      ...(process.env.BENCH_SERVER_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
        : {}),
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  // Keep only the tail: a benchmark logs a line per request.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`)
    if (Date.now() > deadline) throw new Error(`The server did not start:\n${output}`)
    const ready = await fetch(`${url}/health/ready`).catch(() => null)
    if (ready?.ok) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }

  return {
    url,
    rss: () => [child.pid!, ...childPids(child.pid!)].reduce((sum, pid) => sum + rssOf(pid), 0),
    workerRss: () => childPids(child.pid!).map(rssOf),
    output: () => output,
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      }),
  } satisfies BenchServer
}
