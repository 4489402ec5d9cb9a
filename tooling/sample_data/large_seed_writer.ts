import type { ProjectRole } from '#shared/projects'
import type { TaskStatus } from '#shared/tasks'
import type { SeedClock } from '#sample_data/seed_clock'
import type { ActivityChanges } from '#activity/recorder'
import { SeededRandom } from '#sample_data/seeded_random'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type {
  LargeSeedOptions,
  LargeSeedTable,
  LargeSeedTotals,
} from '#sample_data/large_seed_options'
import { type BulkValue, bulkInsert, bulkInsertReturningIds } from '#database/bulk_insert'
import {
  BENCH_LABELS,
  commentBody,
  projectDescription,
  projectName,
  taskDescription,
  taskTitle,
} from '#sample_data/bench_text'

/** Labels each generated project gets. */
export const LABELS_PER_PROJECT = 6

/** The fixed seed of the generator: the same options always give the same data. */
const SEED = 2026

/** Tasks generated and inserted together, with their labels, comments and activity entries. */
const TASK_BATCH = 1000

const DAY = 86_400_000

const ACTIVITY_COLUMNS = [
  'actor_id',
  'project_id',
  'subject_type',
  'subject_id',
  'action',
  'changes',
  'created_at',
] as const

/** One project of a run, before it is written. */
type ProjectPlan = {
  random: SeededRandom
  ownerId: number
  members: { userId: number; role: ProjectRole }[]
  memberIds: number[]
  /** Owners and editors: who creates tasks and comments. */
  writerIds: number[]
  name: string
  description: string
  labels: (readonly [string, string])[]
  createdAt: number
}

/** What a writer works with: the transaction, the options, the bench users, clock and totals. */
export type LargeSeedWriterContext = {
  trx: TransactionClientContract
  options: LargeSeedOptions
  /** Ids of the bench users member1, member2, … in that order. */
  pool: number[]
  clock: SeedClock
  /** Added to as rows are written. */
  totals: LargeSeedTotals
}

/**
 * Writes the projects of one transaction of the large seed (see large_seed.ts), table by table,
 * each batch of rows followed by the "created" activity entries that describe them.
 */
export class LargeSeedWriter {
  private trx: TransactionClientContract
  private options: LargeSeedOptions
  private pool: number[]
  private clock: SeedClock
  private totals: LargeSeedTotals

  constructor(context: LargeSeedWriterContext) {
    this.trx = context.trx
    this.options = context.options
    this.pool = context.pool
    this.clock = context.clock
    this.totals = context.totals
  }

  /** Writes the projects of run indexes `indexes`; resolves to their ids. */
  async write(indexes: number[]): Promise<number[]> {
    const plans = indexes.map((index) => this.plan(index))
    const projectIds = await this.writeProjects(plans)
    await this.writeMembers(plans, projectIds)
    const labelIds = await this.writeLabels(plans, projectIds)
    for (const [position, plan] of plans.entries()) {
      const projectId = projectIds[position]
      for (let first = 0; first < this.options.tasksPerProject; first += TASK_BATCH) {
        const last = Math.min(this.options.tasksPerProject, first + TASK_BATCH)
        await this.writeTasks(plan, projectId, labelIds[position], first, last)
      }
    }
    return projectIds
  }

  /**
   * Who is in project `index` and what it is called. Bench user 1 owns the first project of every
   * run, so a benchmark knows where to log in; the other owners and members are drawn from the pool.
   */
  private plan(index: number): ProjectPlan {
    const random = new SeededRandom(SEED, index)
    const size = this.options.membersPerProject
    const chosen =
      index === 0
        ? [this.pool[0], ...random.sample(this.pool.slice(1), size - 1)]
        : random.sample(this.pool, size)
    const editors = Math.ceil((size - 1) / 2)
    const members = chosen.map((userId, position) => ({
      userId,
      role: (position === 0 ? 'owner' : position <= editors ? 'editor' : 'viewer') as ProjectRole,
    }))

    return {
      random,
      ownerId: chosen[0],
      members,
      memberIds: chosen,
      writerIds: members.filter((member) => member.role !== 'viewer').map((m) => m.userId),
      name: projectName(index),
      description: projectDescription(random),
      labels: random.sample(BENCH_LABELS, LABELS_PER_PROJECT),
      // A year of history: projects start about 400 days ago, a minute apart.
      createdAt: this.clock.today - 400 * DAY + index * 60_000,
    }
  }

  private async writeProjects(plans: ProjectPlan[]) {
    const stamps = plans.map((plan) => this.clock.stamp(plan.createdAt))
    const ids = await this.timed('projects', plans.length, () =>
      bulkInsertReturningIds(
        this.trx,
        'projects',
        ['owner_id', 'name', 'description', 'created_at', 'updated_at'],
        plans.map((plan, i) => [
          plan.ownerId,
          plan.name,
          plan.description,
          stamps[i].column,
          stamps[i].column,
        ])
      )
    )
    await this.writeActivities(
      plans.map((plan, i) => ({
        actorId: plan.ownerId,
        projectId: ids[i],
        subjectType: 'project',
        subjectId: String(ids[i]),
        at: stamps[i].column,
        changes: created({
          owner_id: plan.ownerId,
          name: plan.name,
          description: plan.description,
          created_at: stamps[i].recorded,
          id: ids[i],
        }),
      }))
    )
    return ids
  }

  /**
   * Writes memberships in bulk, with their activity entries, around the `ProjectMember` model
   * that writes them everywhere else: a bulk loader for benchmark data sets, where one model
   * save per row would take most of the run.
   */
  private async writeMembers(plans: ProjectPlan[], projectIds: number[]) {
    const rows = plans.flatMap((plan, i) =>
      plan.members.map((member) => ({ plan, projectId: projectIds[i], ...member }))
    )
    await this.timed('project_members', rows.length, () =>
      bulkInsert(
        this.trx,
        'project_members',
        ['project_id', 'user_id', 'role'],
        rows.map((row) => [row.projectId, row.userId, row.role])
      )
    )
    await this.writeActivities(
      rows.map((row) => ({
        actorId: row.plan.ownerId,
        projectId: row.projectId,
        subjectType: 'project_member',
        subjectId: `${row.projectId}:${row.userId}`,
        at: this.clock.stamp(row.plan.createdAt).column,
        changes: created({ user_id: row.userId, role: row.role }),
      }))
    )
  }

  private async writeLabels(plans: ProjectPlan[], projectIds: number[]) {
    const rows = plans.flatMap((plan, i) =>
      plan.labels.map(([name, color]) => ({ plan, projectId: projectIds[i], name, color }))
    )
    const ids = await this.timed('labels', rows.length, () =>
      bulkInsertReturningIds(
        this.trx,
        'labels',
        ['project_id', 'name', 'color'],
        rows.map((row) => [row.projectId, row.name, row.color])
      )
    )
    await this.writeActivities(
      rows.map((row, i) => ({
        actorId: row.plan.ownerId,
        projectId: row.projectId,
        subjectType: 'label',
        subjectId: String(ids[i]),
        at: this.clock.stamp(row.plan.createdAt).column,
        changes: created({
          project_id: row.projectId,
          name: row.name,
          color: row.color,
          id: ids[i],
        }),
      }))
    )
    return plans.map((_, p) => ids.slice(p * LABELS_PER_PROJECT, (p + 1) * LABELS_PER_PROJECT))
  }

  /** Tasks `first` to `last` (excluded) of a project, then their labels and comments. */
  private async writeTasks(
    plan: ProjectPlan,
    projectId: number,
    labelIds: number[],
    first: number,
    last: number
  ) {
    const { random } = plan
    const count = this.options.tasksPerProject
    const start = plan.createdAt + DAY
    const span = this.clock.today - 35 * DAY - start

    const tasks = await this.timed('tasks', last - first, async () => {
      const planned = range(first, last).map((index) => {
        // Older tasks are more often done; due dates fall around today, the done ones earlier.
        const age = 1 - index / count
        const status = random.weighted<TaskStatus>([
          ['todo', 1 + 4 * (1 - age)],
          ['in_progress', 2],
          ['done', 1 + 5 * age],
        ])
        const dueOn = random.chance(0.65)
          ? this.clock.day(status === 'done' ? random.int(-90, 5) : random.int(-20, 60))
          : null
        return {
          createdAt: wholeSecond(start + ((index + random.next()) / count) * span),
          title: taskTitle(random),
          description: taskDescription(random),
          status,
          priority: random.weighted([
            [0, 35],
            [1, 35],
            [2, 20],
            [3, 10],
          ]),
          assigneeId: random.chance(0.8) ? random.pick(plan.memberIds) : null,
          dueOn,
          labelIds: random.sample(
            labelIds,
            random.weighted([
              [0, 4],
              [1, 4],
              [2, 2],
            ])
          ),
          actorId: random.pick(plan.writerIds),
        }
      })
      const stamps = planned.map((task) => this.clock.stamp(task.createdAt))
      const ids = await bulkInsertReturningIds(
        this.trx,
        'tasks',
        [
          'project_id',
          'title',
          'description',
          'status',
          'priority',
          'assignee_id',
          'due_on',
          'version',
          'created_at',
          'updated_at',
        ],
        planned.map((task, i) => [
          projectId,
          task.title,
          task.description,
          task.status,
          task.priority,
          task.assigneeId,
          task.dueOn?.column ?? null,
          1,
          stamps[i].column,
          stamps[i].column,
        ])
      )
      return planned.map((task, i) => ({ ...task, id: ids[i], stamp: stamps[i] }))
    })

    await this.writeActivities(
      tasks.map((task) => ({
        actorId: task.actorId,
        projectId,
        subjectType: 'task',
        subjectId: String(task.id),
        at: task.stamp.column,
        changes: created({
          project_id: projectId,
          title: task.title,
          description: task.description,
          status: task.status,
          priority: task.priority,
          assignee_id: task.assigneeId,
          due_on: task.dueOn?.recorded ?? null,
          created_at: task.stamp.recorded,
          id: task.id,
        }),
      }))
    )

    const taskLabels = tasks.flatMap((task) => task.labelIds.map((labelId) => [task.id, labelId]))
    await this.timed('task_labels', taskLabels.length, () =>
      bulkInsert(this.trx, 'task_labels', ['task_id', 'label_id'], taskLabels)
    )

    await this.writeComments(plan, projectId, tasks)
  }

  /** The comments of `tasks`, each later than the one before, by the project's writers. */
  private async writeComments(
    plan: ProjectPlan,
    projectId: number,
    tasks: { id: number; createdAt: number }[]
  ) {
    const perTask = this.options.commentsPerTask
    if (perTask === 0) return
    const { random } = plan

    const comments = await this.timed('comments', tasks.length * perTask, async () => {
      const planned = tasks.flatMap((task) => {
        // Up to three days apart, at least a minute when there is room, all before today.
        const room = Math.floor((this.clock.today - task.createdAt) / (perTask + 1) / 1000)
        const longest = Math.max(1, Math.min(3 * 86_400, room))
        const shortest = Math.min(60, longest)
        let at = task.createdAt
        return range(0, perTask).map(() => {
          at += random.int(shortest, longest) * 1000
          return {
            taskId: task.id,
            authorId: random.pick(plan.writerIds),
            body: commentBody(random),
            stamp: this.clock.stamp(at),
          }
        })
      })
      const ids = await bulkInsertReturningIds(
        this.trx,
        'comments',
        ['task_id', 'author_id', 'body', 'created_at', 'updated_at'],
        planned.map((comment) => [
          comment.taskId,
          comment.authorId,
          comment.body,
          comment.stamp.column,
          comment.stamp.column,
        ])
      )
      return planned.map((comment, i) => ({ ...comment, id: ids[i] }))
    })

    await this.writeActivities(
      comments.map((comment) => ({
        actorId: comment.authorId,
        projectId,
        subjectType: 'comment',
        subjectId: String(comment.id),
        at: comment.stamp.column,
        changes: created({
          task_id: comment.taskId,
          author_id: comment.authorId,
          body: comment.body,
          created_at: comment.stamp.recorded,
          id: comment.id,
        }),
      }))
    )
  }

  /**
   * "created" entries as the activity recorder writes them (see app/activity/recorder.ts), with
   * the author of each write as actor and the record's creation time.
   */
  private async writeActivities(
    entries: {
      actorId: number
      projectId: number
      subjectType: string
      subjectId: string
      at: string
      changes: ActivityChanges
    }[]
  ) {
    await this.timed('activities', entries.length, () =>
      bulkInsert(
        this.trx,
        'activities',
        ACTIVITY_COLUMNS,
        entries.map((entry): BulkValue[] => [
          entry.actorId,
          entry.projectId,
          entry.subjectType,
          entry.subjectId,
          'created',
          JSON.stringify(entry.changes),
          entry.at,
        ])
      )
    )
  }

  private async timed<T>(table: LargeSeedTable, rows: number, work: () => Promise<T>) {
    const started = performance.now()
    const result = await work()
    this.totals[table].rows += rows
    this.totals[table].ms += performance.now() - started
    return result
  }
}

/** The changes of a "created" entry: every recorded column from null to its value. */
function created(values: Record<string, unknown>): ActivityChanges {
  const changes: ActivityChanges = {}
  for (const [column, value] of Object.entries(values)) changes[column] = [null, value]
  return changes
}

function wholeSecond(ms: number) {
  return Math.floor(ms / 1000) * 1000
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
}
