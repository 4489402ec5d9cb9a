// The live benchmark's settings, and the fixed parts of a run that its report describes.
import type { BenchDatabase } from './database.ts'

/** What the live benchmark measures, and on what. */
export type LiveBenchSettings = {
  clients: number
  /** Timed board moves, one at a time. */
  writes: number
  database: BenchDatabase
  /** Run with REDIS_HOST, so that changes fan out through Redis. */
  redis: boolean
  workers: number
}

/** The server lets one user hold this many streams per process (429 beyond). */
export const STREAMS_PER_USER = 20

/** The pause between two timed board moves. */
export const WRITE_GAP_MS = 200
/** A delivery not seen this long after its write counts as missed. */
export const MISSED_AFTER_MS = 5000
