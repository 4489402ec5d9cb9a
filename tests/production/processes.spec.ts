import { test } from '@japa/runner'
import { request } from 'node:http'
import { readFileSync } from 'node:fs'
import {
  buildForProduction,
  startProductionServer,
  type ProductionServer,
} from '#tests/helpers/production_server'

/** The pids of the workers that logged "started HTTP server", in order. */
function startedWorkers(server: ProductionServer): number[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes('started HTTP server'))
    .map((line) => JSON.parse(line).pid as number)
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function exitOf(server: ProductionServer): Promise<number | null> {
  const child = server.process
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

test.group('Production | npm start on every core', (group) => {
  group.setup(() => buildForProduction())

  test('runs WEB_CONCURRENCY workers and replaces one that dies', async ({ assert }) => {
    const server = await startProductionServer({
      entry: 'bin/start.js',
      env: { WEB_CONCURRENCY: '2' },
    })
    try {
      await waitFor('two workers', () => startedWorkers(server).length === 2)
      // Beside them, one background-job worker (QUEUE_WORKERS, 1 by default).
      await waitFor('the queue worker', () => server.output().includes('queue worker started'))
      const [doomed, survivor] = startedWorkers(server)
      assert.notEqual(doomed, survivor)
      // Each worker's heap is bounded (WORKER_HEAP_MB, 512 by default), so memory stays flat.
      const commandLine = readFileSync(`/proc/${survivor}/cmdline`, 'utf8').split('\0')
      assert.include(commandLine, '--max-old-space-size=512')

      process.kill(doomed, 'SIGKILL')
      await waitFor('a replacement worker', () => startedWorkers(server).length === 3)
      const replacement = startedWorkers(server)[2]
      assert.notIncludeMembers([doomed, survivor], [replacement])
      assert.include(server.output(), 'worker died; starting another')
      for (let index = 0; index < 6; index++) {
        const response = await fetch(`${server.url}/health/live`)
        assert.equal(response.status, 200)
      }
    } finally {
      await server.stop()
    }
    assert.equal(await exitOf(server), 0)
    assert.include(server.output(), 'all workers stopped')
  }).timeout(60_000)

  test('on SIGTERM (and Ctrl+C) it finishes the request in flight, then exits 0', async ({
    assert,
  }) => {
    const server = await startProductionServer({
      entry: 'bin/start.js',
      env: { WEB_CONCURRENCY: '2' },
    })
    await waitFor('two workers', () => startedWorkers(server).length === 2)

    // A form whose body arrives in two parts: the request is in flight when SIGTERM comes.
    const body = 'email=ada%40example.com&password=analytical-engine'
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const pending = request(
        `${server.url}/login`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = ''
          response.on('data', (chunk) => (text += chunk))
          response.on('end', () => resolve({ status: response.statusCode!, text }))
        }
      )
      pending.on('error', reject)
      pending.write(body.slice(0, 10))
      setTimeout(() => {
        // Ctrl+C in a terminal: SIGINT reaches every process of the group, and the primary
        // passes SIGTERM on. A worker's second signal must not cut its request short.
        server.process.kill('SIGTERM')
        for (const worker of startedWorkers(server)) process.kill(worker, 'SIGINT')
        setTimeout(() => pending.end(body.slice(10)), 700)
      }, 300)
    })

    const { status } = await answer
    const answeredAt = Date.now()
    // Without a CSRF token the login form answers by sending the visitor back to it: a whole,
    // ordinary answer, not a dropped connection.
    assert.equal(status, 302)
    assert.equal(await exitOf(server), 0)
    // Idle workers leave at once; nobody waits for the shutdown timeout (25 s) to kill them.
    assert.isBelow(Date.now() - answeredAt, 5_000)
    assert.notInclude(server.output(), 'killing them')
    assert.include(server.output(), 'stopping workers')
    assert.include(server.output(), 'all workers stopped')
  }).timeout(60_000)
})
