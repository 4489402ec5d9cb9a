import { test } from '@japa/runner'
import { request } from 'node:http'
import { readFileSync } from 'node:fs'
import { DateTime } from 'luxon'
import User from '#models/user'
import { createProject } from '#services/projects/projects'
import { CookieClient } from '#tests/helpers/cookie_client'
import { LiveStream } from '#tests/helpers/live_stream'
import { eventually } from '#tests/helpers/eventually'
import { projectChannel } from '#shared/live'
import {
  buildForProduction,
  sharedBackends,
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
      env: { WEB_CONCURRENCY: '2', WORKER_YOUNG_MB: '32' },
    })
    try {
      await eventually('two workers', () => startedWorkers(server).length === 2, {
        timeoutMs: 20_000,
      })
      // Beside them, one background-job worker (QUEUE_WORKERS, 1 by default).
      await eventually('the queue worker', () => server.output().includes('queue worker started'), {
        timeoutMs: 20_000,
      })
      const [doomed, survivor] = startedWorkers(server)
      assert.notEqual(doomed, survivor)
      // Each worker's heap is bounded (WORKER_HEAP_MB, 512 by default), so memory stays flat;
      // WORKER_YOUNG_MB bounds its young generation when set.
      const commandLine = readFileSync(`/proc/${survivor}/cmdline`, 'utf8').split('\0')
      assert.include(commandLine, '--max-old-space-size=512')
      assert.include(commandLine, '--max-semi-space-size=32')

      process.kill(doomed, 'SIGKILL')
      await eventually('a replacement worker', () => startedWorkers(server).length === 3, {
        timeoutMs: 20_000,
      })
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
    await eventually('two workers', () => startedWorkers(server).length === 2, {
      timeoutMs: 20_000,
    })

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

  test('on SIGTERM, the live streams it holds end at once with a last word, and it exits 0', async ({
    assert,
    cleanup,
  }) => {
    const password = 'streams-end-at-shutdown'
    const user = await User.create({
      fullName: 'Live Shutdown',
      email: `shutdown-${Date.now()}@example.com`,
      password,
      emailVerifiedAt: DateTime.now(),
    })
    const project = await createProject(user, { name: 'Shutdown' })
    cleanup(async () => {
      await project.delete()
      await user.delete()
    })
    const server = await startProductionServer({
      env: { ...sharedBackends(), APP_URL: 'http://127.0.0.1' },
    })
    const browser = new CookieClient()
    await browser.get(`${server.url}/login`)
    await browser.post(`${server.url}/login`, { email: user.email, password })
    const stream = await LiveStream.open(browser, [projectChannel(project.id)], {
      server: server.url,
    })
    assert.equal(stream.response.status, 200)

    const stoppedAt = Date.now()
    await server.stop()
    assert.equal(await exitOf(server), 0)
    // The HTTP server closes without waiting for the streams (they never end by themselves).
    assert.isBelow(Date.now() - stoppedAt, 5_000)
    await stream.end()
    assert.deepEqual(stream.messages.at(-1), { channel: '$live', payload: { type: 'ended' } })
  }).timeout(60_000)
})
