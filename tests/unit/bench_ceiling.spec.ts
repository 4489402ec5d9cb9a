import { test } from '@japa/runner'
import { ceilingRatio, roundPlan } from '../../scripts/bench/rounds.ts'
import { differingProp } from '../../scripts/bench/ceiling_check.ts'
import { numberedPlaceholders } from '../../scripts/bench/ceiling/pg_database.ts'
import { localIso, momentOf } from '../../scripts/bench/ceiling/dates.ts'
import {
  type BenchRun,
  type WorkloadResult,
  medianRound,
  ratiosLine,
  tableRows,
} from '../../scripts/bench/report.ts'
import {
  SessionSigner,
  csrfToken,
  verifyCsrfToken,
} from '../../scripts/bench/ceiling/session_cookie.ts'

function result(key: string, requestsPerSecond: number, ceiling: number | null): WorkloadResult {
  return {
    key,
    title: key,
    refused: null,
    requestsPerSecond,
    p50Ms: 10,
    p99Ms: 40,
    errors: 0,
    requests: requestsPerSecond * 10,
    rssStartMb: 400,
    rssMidMb: 410,
    rssEndMb: 420,
    workerRssMb: 180,
    ceiling:
      ceiling === null
        ? null
        : {
            refused: null,
            requestsPerSecond: ceiling,
            p50Ms: 2,
            p99Ms: 8,
            errors: 0,
            workerRssMb: 90,
          },
    ratio: ceilingRatio(requestsPerSecond, ceiling),
  }
}

test.group('Benchmark ceiling | rounds', () => {
  test('alternates Atrium and the ceiling for each workload, round after round', ({ assert }) => {
    const steps = roundPlan(['W1', 'W4'], 3, ['W1'])
    assert.deepEqual(
      steps.map((step) => `${step.round}:${step.key}:${step.target}`),
      [
        '1:W1:atrium',
        '1:W1:ceiling',
        '1:W4:atrium',
        '2:W1:atrium',
        '2:W1:ceiling',
        '2:W4:atrium',
        '3:W1:atrium',
        '3:W1:ceiling',
        '3:W4:atrium',
      ]
    )
  })

  test('takes the round with the median requests per second', ({ assert }) => {
    const rounds = [result('W1', 300, null), result('W1', 100, null), result('W1', 200, null)]
    assert.equal(medianRound(rounds).requestsPerSecond, 200)
    assert.equal(medianRound(rounds.slice(0, 2)).requestsPerSecond, 100)
  })

  test('reports Atrium ÷ ceiling only when both were measured', ({ assert }) => {
    assert.equal(ceilingRatio(150, 1000), 0.15)
    assert.isNull(ceilingRatio(150, null))
    assert.isNull(ceilingRatio(null, 1000))
    assert.isNull(ceilingRatio(150, 0))
  })
})

test.group('Benchmark ceiling | report', () => {
  test('adds the ceiling, the ratio and worker memory to the table', ({ assert }) => {
    const run: BenchRun = {
      database: 'SQLite',
      settings: {},
      seedSeconds: null,
      results: [result('W1', 160, 1000), result('W4', 500, null)],
    }
    const [columns, w1, w4] = tableRows(run)
    assert.deepEqual(columns.slice(6), [
      'ceiling req/s',
      'ceiling p99 ms',
      'ceiling errors',
      'Atrium ÷ ceiling',
      'worker RSS MB (Atrium / ceiling)',
    ])
    assert.deepEqual(w1.slice(6), ['1,000', '8.0', '0', '0.16×', '180 / 90'])
    assert.deepEqual(w4.slice(6), ['', '', '', '', '180'])
    assert.equal(ratiosLine(run.results), 'Atrium ÷ ceiling: W1 0.16×')
  })

  test('keeps the table as it was when the ceiling was not measured', ({ assert }) => {
    const run: BenchRun = {
      database: 'SQLite',
      settings: {},
      seedSeconds: null,
      results: [result('W1', 160, null)],
    }
    const [columns] = tableRows(run)
    assert.lengthOf(columns, 6)
    assert.isNull(ratiosLine(run.results))
  })

  test('names the first prop on which the two servers differ', ({ assert }) => {
    assert.isNull(differingProp({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] }))
    assert.equal(differingProp({ a: 1, tasks: [{ id: 1 }] }, { a: 1, tasks: [{ id: 2 }] }), 'tasks')
    assert.equal(differingProp({ a: 1 }, { a: 1, extra: true }), 'extra')
    assert.isNull(differingProp({ readAt: 1000 }, { readAt: 2000 }))
    assert.equal(differingProp({ readAt: 1000 }, {}), 'readAt')
  })
})

test.group('Benchmark ceiling | server parts', () => {
  test('refuses a session cookie whose payload was changed', ({ assert }) => {
    const signer = new SessionSigner('secret')
    const session = { userId: 1, key: 'k', csrfSecret: 's' }
    const cookie = signer.sign(session)
    const forged = `${Buffer.from(JSON.stringify({ ...session, userId: 2 })).toString('base64url')}.${cookie.split('.')[1]}`

    assert.deepEqual(signer.verify(cookie), session)
    assert.isNull(signer.verify(forged))
    assert.isNull(new SessionSigner('other').verify(cookie))
  })

  test('accepts only CSRF tokens made from the session secret', ({ assert }) => {
    assert.isTrue(verifyCsrfToken('secret', csrfToken('secret')))
    assert.isFalse(verifyCsrfToken('secret', csrfToken('other')))
    assert.isFalse(verifyCsrfToken('secret', undefined))
  })

  test('numbers placeholders for PostgreSQL', ({ assert }) => {
    assert.equal(numberedPlaceholders('a = ? and b in (?, ?)'), 'a = $1 and b in ($2, $3)')
  })

  test('formats SQLite timestamps as Atrium pages send them', ({ assert }) => {
    const moment = momentOf('2026-11-03 10:04:05')
    assert.equal(moment.getHours(), 10)
    assert.match(localIso(moment), /^2026-11-03T10:04:05\.000[+-]\d{2}:\d{2}$/)
  })
})
