import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { QueueBenchStorage } from '#sample_data/queue_bench_storage'
import {
  type LatencyResult,
  QUEUE_BENCH_TABLE_HEAD,
  type QueueBenchResult,
  type ThroughputResult,
  inBatches,
  latencyOf,
  queueBenchRows,
} from '#sample_data/queue_bench'

/** Untimed calls before the timed ones: connections, prepared statements, the JIT. */
const WARM_UPS = 20

/** Jobs written per statement when a batch is enqueued up front. */
const BATCH_SIZE = 500

/**
 * How often the finished jobs are counted, in milliseconds. The times come from the jobs' own
 * finishing times, so counting seldom costs no precision (counting often slows SQLite's writer).
 */
const POLL_MS = 250

/** A batch that finishes no job for this long has stalled: the benchmark stops. */
const STALL_MS = 30_000

/** The line the worker logs once it takes jobs. */
const WORKER_STARTED = 'queue worker started'

/** The queue measured: the one `enqueue()` and `queueMail()` write to. */
const QUEUE = 'default'

/**
 * Measures the queue on the engine this app is configured with (QUEUE_DRIVER): the time of
 * `enqueue()` and `queueMail()` calls (alone and in a transaction, through the outbox), then how
 * many jobs per second a real worker (`node ace queue:work`) runs, for no-op jobs and for mail
 * jobs sent to the mailbox (tmp/mailbox). It needs a queue of its own: it refuses to start when
 * jobs are stored, and deletes every job of the queue between its steps and at the end.
 */
export default class QueueBench extends BaseCommand {
  static commandName = 'queue:bench'
  static description = 'Time enqueueing and a worker’s jobs/s on the configured queue engine'

  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'No-op jobs the worker runs', default: 2000 })
  declare jobs: number

  @flags.number({ description: 'Mail jobs the worker runs', default: 500 })
  declare mails: number

  @flags.number({
    description: 'Timed calls per kind of enqueue (after 20 warm-ups)',
    default: 500,
  })
  declare calls: number

  @flags.number({ description: 'Jobs the worker runs at once', default: 4 })
  declare concurrency: number

  @flags.string({ description: 'Also write the figures to this JSON file' })
  declare out?: string

  @flags.boolean({ description: 'Run even in production (it deletes the queue’s jobs)' })
  declare force: boolean

  async run() {
    const { queueDriver } = await import('#config/queue')
    const { queueBenchStorage } = await import('#sample_data/queue_bench_storage')
    const problem = await this.problem(queueDriver)
    if (problem) {
      this.logger.error(problem)
      this.exitCode = 1
      return
    }
    const storage = queueBenchStorage(queueDriver as 'database' | 'redis', QUEUE)
    const stored = await storage.stored()
    if (stored > 0) {
      this.logger.error(
        `The queue "${QUEUE}" holds ${stored} jobs: queue:bench deletes the queue's jobs, ` +
          'run it on a database (or Redis database) of its own'
      )
      this.exitCode = 1
      return
    }

    const engine = await this.engineName(queueDriver)
    this.logger.info(`Queue on ${engine}, worker concurrency ${this.concurrency}`)
    try {
      const enqueue = await this.enqueueLatencies(storage)
      const noop = await this.throughput(storage, 'no-op', () => this.enqueueNoops())
      const mail = await this.throughput(storage, 'mail', () => this.enqueueMails())
      const result: QueueBenchResult = {
        engine,
        concurrency: this.concurrency,
        throughput: { noop, mail },
        enqueue,
      }
      const table = this.ui.table()
      table.head(QUEUE_BENCH_TABLE_HEAD)
      for (const row of queueBenchRows(result)) table.row(row)
      table.render()
      if (this.out) await writeFile(this.out, JSON.stringify(result, null, 2))
      if (noop.failed + mail.failed > 0) this.exitCode = 1
    } finally {
      await storage.clear()
    }
  }

  /** Why the benchmark cannot run here, or null. */
  private async problem(queueDriver: string): Promise<string | null> {
    const counts = [this.jobs, this.mails, this.calls, this.concurrency]
    if (!counts.every((count) => Number.isSafeInteger(count) && count >= 1)) {
      return '--jobs, --mails, --calls and --concurrency must be whole numbers of 1 or more'
    }
    if (queueDriver === 'sync') {
      return 'QUEUE_DRIVER is "sync" (jobs run inline): set it to "database" or "redis"'
    }
    const { default: mail } = await import('@adonisjs/mail/services/main')
    if (mail.config.default !== 'mailbox') {
      return 'queue:bench sends its mails to the mailbox (tmp/mailbox) only: set MAIL_MAILER=mailbox'
    }
    if (this.app.inProduction && !this.force) {
      return 'queue:bench deletes the jobs of the queue: pass --force to run it in production'
    }
    return null
  }

  /** "sqlite", "postgres" or "redis". */
  private async engineName(queueDriver: string): Promise<string> {
    if (queueDriver === 'redis') return 'redis'
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const dialect = db.connection().dialect.name
    return dialect === 'better-sqlite3' ? 'sqlite' : dialect
  }

  /** The arguments of a mail job: bench recipient number `index` and a link. */
  private mailArgs(index: number): [{ email: string; fullName: string }, string] {
    return [
      { email: `queue-bench${index}@bench.atrium.test`, fullName: `Queue Bench ${index}` },
      `https://atrium.test/verify/${index}`,
    ]
  }

  /** Times `enqueue()`, `queueMail()` and `queueMail()` in a transaction, with no worker running. */
  private async enqueueLatencies(storage: QueueBenchStorage) {
    const { enqueue } = await import('#queue/enqueue')
    const { queueMail } = await import('#mails/queue_mail')
    const { default: NoopJob } = await import('#jobs/noop_job')
    const { default: VerifyEmailNotification } = await import('#mails/verify_email_notification')
    const { default: db } = await import('@adonisjs/lucid/services/db')

    const noop = await this.timeCalls(() => enqueue(NoopJob, {}))
    const mail = await this.timeCalls((index) =>
      queueMail(VerifyEmailNotification, this.mailArgs(index))
    )
    const mailInTransaction = await this.timeCalls((index) =>
      db.transaction((trx) =>
        queueMail(VerifyEmailNotification, this.mailArgs(index), { client: trx })
      )
    )
    await storage.clear()
    return { noop, mail, mailInTransaction }
  }

  /** Runs `call` for the warm-ups, then times it `--calls` times, one call after the other. */
  private async timeCalls(call: (index: number) => Promise<unknown>): Promise<LatencyResult> {
    for (let index = 0; index < WARM_UPS; index++) await call(index)
    const samples: number[] = []
    for (let index = 0; index < this.calls; index++) {
      const started = performance.now()
      await call(index)
      samples.push(performance.now() - started)
    }
    return latencyOf(samples)
  }

  private async enqueueNoops() {
    const { default: NoopJob } = await import('#jobs/noop_job')
    const payloads = Array.from({ length: this.jobs }, () => ({}))
    for (const batch of inBatches(payloads, BATCH_SIZE)) await NoopJob.dispatchMany(batch)
    return this.jobs
  }

  private async enqueueMails() {
    const { default: SendMailJob } = await import('#jobs/send_mail_job')
    const payloads = Array.from({ length: this.mails }, (_, index) => ({
      mail: 'VerifyEmailNotification',
      args: this.mailArgs(index),
    }))
    for (const batch of inBatches(payloads, BATCH_SIZE)) await SendMailJob.dispatchMany(batch)
    return this.mails
  }

  /**
   * Enqueues a batch up front, starts a worker process and times it from the moment it takes jobs
   * until the last job of the batch finished (by the job's stored finishing time); then stops it
   * and clears the queue.
   */
  private async throughput(
    storage: QueueBenchStorage,
    label: string,
    enqueueBatch: () => Promise<number>
  ): Promise<ThroughputResult> {
    const jobs = await enqueueBatch()
    this.logger.info(`${jobs} ${label} jobs enqueued; starting the worker`)
    const worker = await this.startWorker()
    try {
      let progress = { finished: 0, at: Date.now() }
      for (;;) {
        const { completed, failed, firstAt, lastAt } = await storage.finished()
        if (completed + failed >= jobs) {
          return {
            jobs,
            completed,
            failed,
            ms: lastAt! - worker.startedAt,
            firstMs: firstAt! - worker.startedAt,
          }
        }
        if (completed + failed > progress.finished) {
          progress = { finished: completed + failed, at: Date.now() }
        }
        if (worker.exited() || Date.now() - progress.at > STALL_MS) {
          throw new Error(
            `The worker finished ${completed + failed} of ${jobs} jobs, then stopped:\n` +
              worker.output()
          )
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      }
    } finally {
      await worker.stop()
      await storage.clear()
    }
  }

  /** Starts `node ace queue:work` with this process' environment; resolves once it takes jobs. */
  private async startWorker() {
    const child = spawn(
      process.execPath,
      [process.argv[1], 'queue:work', '--concurrency', String(this.concurrency)],
      // At "info", the worker says when it takes jobs.
      { env: { ...process.env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let output = ''
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000))
    child.stderr.on('data', keep)
    const exited = () => child.exitCode !== null || child.signalCode !== null
    const startedAt = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        keep(chunk)
        if (output.includes(WORKER_STARTED)) resolve(Date.now())
      })
      child.once('exit', () => reject(new Error(`The worker exited:\n${output}`)))
    })
    return {
      /** When the worker said it takes jobs (epoch ms, the clock the jobs' times are on). */
      startedAt,
      exited,
      output: () => output,
      stop: () =>
        new Promise<void>((resolve) => {
          if (exited()) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        }),
    }
  }
}
