import { statsOf } from '#sample_data/admin_bench'

/**
 * What a worker did with a batch of jobs enqueued before it started: how long it took from the
 * moment it took jobs until all were finished (`ms`), and until the first was (`firstMs`).
 */
export type ThroughputResult = {
  jobs: number
  completed: number
  failed: number
  ms: number
  firstMs: number
}

/** Timed calls: how many, and their median and 95th percentile in milliseconds. */
export type LatencyResult = { calls: number; p50Ms: number; p95Ms: number }

/** Everything `node ace queue:bench` measures on one engine. */
export type QueueBenchResult = {
  /** The engine: "sqlite", "postgres" (the database driver) or "redis". */
  engine: string
  concurrency: number
  throughput: { noop: ThroughputResult; mail: ThroughputResult }
  enqueue: { noop: LatencyResult; mail: LatencyResult; mailInTransaction: LatencyResult }
}

/** Jobs completed per second of the batch's run. */
export function jobsPerSecond(result: ThroughputResult): number {
  return result.ms > 0 ? result.completed / (result.ms / 1000) : 0
}

/** The p50 and p95 of timed calls, in milliseconds. */
export function latencyOf(samples: number[]): LatencyResult {
  const stats = statsOf(samples)
  return { calls: samples.length, p50Ms: stats.median, p95Ms: stats.p95 }
}

/** `items` cut into consecutive batches of at most `size`. */
export function inBatches<T>(items: T[], size: number): T[][] {
  const batches: T[][] = []
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size))
  }
  return batches
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2)
}

/** The header of the results table. */
export const QUEUE_BENCH_TABLE_HEAD = ['Measure', 'Figure', 'Detail']

/** The results table: worker throughput per job kind, then enqueue latency per call. */
export function queueBenchRows(result: QueueBenchResult): string[][] {
  const throughput = (label: string, run: ThroughputResult) => [
    `worker, ${label}`,
    `${Math.round(jobsPerSecond(run)).toLocaleString('en-US')} jobs/s`,
    `${run.completed} of ${run.jobs} in ${seconds(run.ms)} s (first after ${seconds(run.firstMs)} s)` +
      (run.failed > 0 ? `, ${run.failed} failed` : ''),
  ]
  const latency = (label: string, run: LatencyResult) => [
    `enqueue, ${label}`,
    `p50 ${run.p50Ms.toFixed(2)} ms`,
    `p95 ${run.p95Ms.toFixed(2)} ms over ${run.calls} calls`,
  ]
  return [
    throughput('no-op job', result.throughput.noop),
    throughput('mail job', result.throughput.mail),
    latency('enqueue(NoopJob)', result.enqueue.noop),
    latency('queueMail()', result.enqueue.mail),
    latency('queueMail() in a transaction', result.enqueue.mailInTransaction),
  ]
}
