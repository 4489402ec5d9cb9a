import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { Exception } from '@adonisjs/core/exceptions'
import { SeedClock } from '#sample_data/seed_clock'
import { benchPersonName } from '#sample_data/bench_text'
import { bulkInsertReturningIds } from '#database/bulk_insert'
import { LargeSeedWriter } from '#sample_data/large_seed_writer'
import {
  LARGE_SEED_DEFAULTS,
  LARGE_SEED_TABLES,
  type LargeSeedOptions,
  type LargeSeedTotals,
} from '#sample_data/large_seed_options'

/** The password of every bench user. Bench data only: never on a real server. */
export const BENCH_PASSWORD = 'atrium-bench-2026'

/** The email of bench user number `n` (1-based): member1@bench.atrium.test, member2@… */
export function benchEmail(n: number): string {
  return `member${n}@bench.atrium.test`
}

/** Reported after every committed transaction. */
export type LargeSeedProgress = {
  projectsDone: number
  projectsTotal: number
  totals: LargeSeedTotals
  elapsedMs: number
}

/** What a run wrote, and where a benchmark can start. */
export type LargeSeedSummary = {
  /** The first project this run created: bench user 1 ({@link benchEmail}(1)) owns it. */
  firstProjectId: number
  lastProjectId: number
  usersCreated: number
  usersReused: number
  totals: LargeSeedTotals
  totalMs: number
}

/** A count given to the large seed is not a whole number in its range. */
export class InvalidSeedOptionException extends Exception {
  static status = 422
  static code = 'E_INVALID_SEED_OPTION'
}

/** Tasks written per transaction (whole projects: a project is either fully written or absent). */
const TASKS_PER_TRANSACTION = 10_000

/** Projects written per transaction when they have few or no tasks. */
const MAX_PROJECTS_PER_TRANSACTION = 200

/**
 * The first problem with `options`, worded for people (the flag in brackets), or null when they
 * are all whole numbers in range.
 */
export function largeSeedOptionsProblem(options: LargeSeedOptions): string | null {
  const checks: [string, string, number | undefined, number][] = [
    ['projects', '--projects', options.projects, 1],
    ['tasks per project', '--tasks', options.tasksPerProject, 0],
    ['comments per task', '--comments', options.commentsPerTask, 0],
    ['members per project', '--members', options.membersPerProject, 1],
    ['bench users', '--users', options.users ?? LARGE_SEED_DEFAULTS.users, 1],
  ]
  for (const [what, flag, value, min] of checks) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      return `The number of ${what} (${flag}) must be a whole number of at least ${min}, got ${value}`
    }
  }
  if (options.users !== undefined && options.users < options.membersPerProject) {
    return `The bench users (--users ${options.users}) cannot be fewer than the members per project (--members ${options.membersPerProject})`
  }
  return null
}

/**
 * Writes a large, realistic data set for benchmarks, fast: a pool of bench users (created once,
 * reused by later runs), then projects with members, labels, tasks with labels and comments,
 * each with the "created" activity entry its model would have recorded. Rows go in with
 * multi-row INSERTs (no models), a few projects per transaction together with their activity
 * entries. Every run appends new projects; the same options give the same data (timestamps and
 * due dates are relative to today). Ends with ANALYZE, for the planners. Throws {@link InvalidSeedOptionException} before writing
 * anything when an option is out of range.
 */
export async function seedLargeDataSet(
  options: LargeSeedOptions,
  onProgress?: (progress: LargeSeedProgress) => void
): Promise<LargeSeedSummary> {
  const problem = largeSeedOptionsProblem(options)
  if (problem) throw new InvalidSeedOptionException(problem)

  const started = performance.now()
  const totals = emptyTotals()
  const clock = new SeedClock(db.connection().dialect.dateTimeFormat)
  const poolSize = options.users ?? Math.max(LARGE_SEED_DEFAULTS.users, options.membersPerProject)

  const usersStarted = performance.now()
  const pool = await ensureBenchUsers(poolSize, clock)
  totals.users = { rows: pool.created, ms: performance.now() - usersStarted }

  const perTransaction = Math.min(
    MAX_PROJECTS_PER_TRANSACTION,
    Math.max(1, Math.floor(TASKS_PER_TRANSACTION / Math.max(1, options.tasksPerProject)))
  )
  const projectIds: number[] = []
  for (let first = 0; first < options.projects; first += perTransaction) {
    const last = Math.min(options.projects, first + perTransaction)
    const indexes = Array.from({ length: last - first }, (_, i) => first + i)
    await db.transaction(async (trx) => {
      const writer = new LargeSeedWriter({ trx, options, pool: pool.ids, clock, totals })
      projectIds.push(...(await writer.write(indexes)))
    })
    onProgress?.({
      projectsDone: indexes[indexes.length - 1] + 1,
      projectsTotal: options.projects,
      totals,
      elapsedMs: performance.now() - started,
    })
  }

  // Fresh statistics, so the query planners see the new sizes (SQLite never gathers them itself).
  await db.rawQuery('ANALYZE')

  return {
    firstProjectId: projectIds[0],
    lastProjectId: projectIds[projectIds.length - 1],
    usersCreated: pool.created,
    usersReused: poolSize - pool.created,
    totals,
    totalMs: performance.now() - started,
  }
}

/**
 * The bench users member1 … member`count`, in that order: the existing ones are kept as they are,
 * the missing ones are created (verified, active) with one password hash computed for all.
 */
async function ensureBenchUsers(count: number, clock: SeedClock) {
  const rows = await db
    .from('users')
    .where('email', 'like', '%@bench.atrium.test')
    .select('id', 'email')
  const idByEmail = new Map(rows.map((row) => [row.email as string, Number(row.id)]))
  const numbers = Array.from({ length: count }, (_, i) => i + 1)
  const missing = numbers.filter((n) => !idByEmail.has(benchEmail(n)))

  if (missing.length > 0) {
    const password = await hash.use('scrypt').make(BENCH_PASSWORD)
    const now = clock.stamp(Date.now()).column
    const ids = await db.transaction((trx) =>
      bulkInsertReturningIds(
        trx,
        'users',
        [
          'full_name',
          'email',
          'password',
          'email_verified_at',
          'is_active',
          'is_staff',
          'is_superuser',
          'created_at',
          'updated_at',
        ],
        missing.map((n) => [
          benchPersonName(n),
          benchEmail(n),
          password,
          now,
          true,
          false,
          false,
          now,
          now,
        ])
      )
    )
    missing.forEach((n, index) => idByEmail.set(benchEmail(n), ids[index]))
  }

  return {
    ids: numbers.map((n) => idByEmail.get(benchEmail(n))!),
    created: missing.length,
  }
}

function emptyTotals(): LargeSeedTotals {
  const totals = {} as LargeSeedTotals
  for (const table of LARGE_SEED_TABLES) totals[table] = { rows: 0, ms: 0 }
  return totals
}
