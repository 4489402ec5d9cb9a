import { test } from '@japa/runner'
import {
  type QueueBenchResult,
  inBatches,
  jobsPerSecond,
  latencyOf,
  queueBenchRows,
} from '#sample_data/queue_bench'

function throughput(completed: number, ms: number, failed = 0) {
  return { jobs: completed + failed, completed, failed, ms, firstMs: 12 }
}

test.group('queue:bench | figures', () => {
  test('counts the completed jobs per second of the run, not the failed ones', ({ assert }) => {
    assert.equal(jobsPerSecond(throughput(2000, 4000)), 500)
    assert.equal(jobsPerSecond(throughput(450, 1000, 50)), 450)
  })

  test('reports no rate for a run that took no time', ({ assert }) => {
    assert.equal(jobsPerSecond(throughput(10, 0)), 0)
  })

  test('summarizes timed calls as their count, median and 95th percentile', ({ assert }) => {
    const samples = Array.from({ length: 20 }, (_, index) => index + 1)
    assert.deepEqual(latencyOf(samples), { calls: 20, p50Ms: 10.5, p95Ms: 19 })
  })

  test('cuts a batch into consecutive slices of at most the given size', ({ assert }) => {
    assert.deepEqual(inBatches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]])
    assert.deepEqual(inBatches([], 500), [])
  })
})

test.group('queue:bench | table', () => {
  test('prints throughput per job kind, then each kind of enqueue call', ({ assert }) => {
    const latency = { calls: 500, p50Ms: 0.214, p95Ms: 1.5 }
    const result: QueueBenchResult = {
      engine: 'sqlite',
      concurrency: 4,
      throughput: { noop: throughput(2000, 3840), mail: throughput(498, 1800, 2) },
      enqueue: { noop: latency, mail: latency, mailInTransaction: latency },
    }
    assert.deepEqual(queueBenchRows(result), [
      ['worker, no-op job', '521 jobs/s', '2000 of 2000 in 3.84 s (first after 0.01 s)'],
      ['worker, mail job', '277 jobs/s', '498 of 500 in 1.80 s (first after 0.01 s), 2 failed'],
      ['enqueue, enqueue(NoopJob)', 'p50 0.21 ms', 'p95 1.50 ms over 500 calls'],
      ['enqueue, queueMail()', 'p50 0.21 ms', 'p95 1.50 ms over 500 calls'],
      ['enqueue, queueMail() in a transaction', 'p50 0.21 ms', 'p95 1.50 ms over 500 calls'],
    ])
  })
})
