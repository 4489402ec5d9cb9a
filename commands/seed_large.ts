import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import {
  BENCH_PASSWORD,
  type LargeSeedProgress,
  type LargeSeedSummary,
  benchEmail,
  largeSeedOptionsProblem,
  seedLargeDataSet,
} from '#sample_data/large_seed'
import {
  LARGE_SEED_DEFAULTS,
  LARGE_SEED_TABLES,
  type LargeSeedOptions,
} from '#sample_data/large_seed_options'

/** Milliseconds between two progress lines. */
const PROGRESS_EVERY_MS = 2000

const PRODUCTION_REFUSAL =
  'seed:large creates accounts whose password is public and is not meant for production; ' +
  'pass --force to run it anyway'

/**
 * Appends a large data set for benchmarks (see tooling/sample_data/large_seed.ts): bench users
 * member1…@bench.atrium.test, then projects with members, labels, tasks and comments, and their
 * activity entries. Prints progress, the rows and time per table, and the project to log in to.
 */
export default class SeedLarge extends BaseCommand {
  static commandName = 'seed:large'
  static description = 'Append a large data set for benchmarks (projects, tasks, comments)'

  static options: CommandOptions = {
    startApp: true,
  }

  @flags.number({ description: 'Projects to create', default: LARGE_SEED_DEFAULTS.projects })
  declare projects: number

  @flags.number({ description: 'Tasks per project', default: LARGE_SEED_DEFAULTS.tasksPerProject })
  declare tasks: number

  @flags.number({ description: 'Comments per task', default: LARGE_SEED_DEFAULTS.commentsPerTask })
  declare comments: number

  @flags.number({
    description: 'Members per project, owner included',
    default: LARGE_SEED_DEFAULTS.membersPerProject,
  })
  declare members: number

  @flags.number({
    description: 'Bench users to draw members from (default 100, or --members when larger)',
  })
  declare users?: number

  @flags.boolean({ description: 'Run even in production (the bench password is public)' })
  declare force: boolean

  #lastProgress = 0

  async run() {
    const options: LargeSeedOptions = {
      projects: this.projects,
      tasksPerProject: this.tasks,
      commentsPerTask: this.comments,
      membersPerProject: this.members,
      users: this.users,
    }
    const problem =
      this.app.inProduction && !this.force ? PRODUCTION_REFUSAL : largeSeedOptionsProblem(options)
    if (problem) {
      this.logger.error(problem)
      this.exitCode = 1
      return
    }

    this.logger.info(
      `Seeding ${options.projects} projects × ${options.tasksPerProject} tasks × ` +
        `${options.commentsPerTask} comments, ${options.membersPerProject} members each`
    )
    const summary = await seedLargeDataSet(options, (progress) => this.reportProgress(progress))
    this.printSummary(summary)
    return summary
  }

  private reportProgress(progress: LargeSeedProgress) {
    const done = progress.projectsDone === progress.projectsTotal
    if (!done && progress.elapsedMs - this.#lastProgress < PROGRESS_EVERY_MS) return
    this.#lastProgress = progress.elapsedMs

    const { totals } = progress
    this.logger.info(
      `projects ${progress.projectsDone}/${progress.projectsTotal} · ` +
        `tasks ${count(totals.tasks.rows)} · comments ${count(totals.comments.rows)} · ` +
        `activities ${count(totals.activities.rows)} · ${seconds(progress.elapsedMs)}`
    )
  }

  private printSummary(summary: LargeSeedSummary) {
    const table = this.ui.table()
    table.head(['Table', 'Rows written', 'Seconds'])
    for (const name of LARGE_SEED_TABLES) {
      const { rows, ms } = summary.totals[name]
      table.row([name, count(rows), seconds(ms)])
    }
    table.row(['total', '', seconds(summary.totalMs)])
    table.render()

    this.logger.info(
      `Bench users: ${count(summary.usersCreated)} created, ${count(summary.usersReused)} reused ` +
        `(member1…@bench.atrium.test, password ${BENCH_PASSWORD})`
    )
    this.logger.success(
      `Projects ${summary.firstProjectId}–${summary.lastProjectId} seeded in ` +
        `${seconds(summary.totalMs)}. ${benchEmail(1)} owns project ${summary.firstProjectId}.`
    )
  }
}

function count(value: number) {
  return value.toLocaleString('en-US')
}

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(1)} s`
}
