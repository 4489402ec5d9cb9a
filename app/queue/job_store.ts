/** Where a job is in its life. */
export const JOB_STATES = ['pending', 'delayed', 'active', 'failed', 'completed'] as const
export type JobState = (typeof JOB_STATES)[number]

/** One job as the admin and the maintenance tasks see it, whatever engine holds it. */
export type StoredJob = {
  id: string
  queue: string
  name: string
  state: JobState
  payload: unknown
  /** Attempts that ended in an error and were retried. */
  attempts: number
  /** Times a worker stopped while running it. */
  stalledCount: number
  /** 0 to 1, when the job reports it. */
  progress: number | null
  /** The error of the last failed attempt, kept while the job is retried and after it fails. */
  error: string | null
  enqueuedAt: Date | null
  /** When a worker last claimed it or renewed its claim (running jobs). */
  claimedAt: Date | null
  /** When a delayed job (a retry after backoff) becomes due. */
  runAt: Date | null
  finishedAt: Date | null
}

/** One page of a state's jobs, newest first. */
export type JobPage = { jobs: StoredJob[]; total: number }

/**
 * What Atrium reads and changes in the queue's storage beyond what the queue library offers: the
 * jobs admin, progress, the last error of a retried attempt, and pruning. One implementation per
 * engine (database, Redis).
 */
export interface JobStore {
  counts(): Promise<Record<JobState, number>>
  list(state: JobState, page: number, perPage: number): Promise<JobPage>
  find(id: string): Promise<StoredJob | null>
  /** Puts failed jobs back in line, as fresh (attempts and error cleared). Returns how many. */
  retry(ids: string[]): Promise<number>
  /** Deletes jobs that are not running. Returns how many. */
  discard(ids: string[]): Promise<number>
  /** Deletes completed jobs finished before `before`. Returns how many. */
  pruneCompleted(before: Date): Promise<number>
  setProgress(id: string, queue: string, progress: number): Promise<void>
  recordError(id: string, queue: string, message: string): Promise<void>
}
