/** How much to generate; see {@link LARGE_SEED_DEFAULTS}. */
export type LargeSeedOptions = {
  projects: number
  tasksPerProject: number
  commentsPerTask: number
  /** Members of each project, its owner included. */
  membersPerProject: number
  /** Bench users the members are picked from; 100 by default, more when a project needs more. */
  users?: number
}

/** What `node ace seed:large` generates without flags: 100 projects of 1,000 tasks. */
export const LARGE_SEED_DEFAULTS: Required<LargeSeedOptions> = {
  projects: 100,
  tasksPerProject: 1000,
  commentsPerTask: 3,
  membersPerProject: 5,
  users: 100,
}

/** The tables the seed writes, in the order it reports them. */
export const LARGE_SEED_TABLES = [
  'users',
  'projects',
  'project_members',
  'labels',
  'tasks',
  'task_labels',
  'comments',
  'activities',
] as const

/** One of {@link LARGE_SEED_TABLES}. */
export type LargeSeedTable = (typeof LARGE_SEED_TABLES)[number]

/** Rows written so far, and the time spent building and inserting them, per table. */
export type LargeSeedTotals = Record<LargeSeedTable, { rows: number; ms: number }>
