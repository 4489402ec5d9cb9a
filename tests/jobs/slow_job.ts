import { appendFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'

/** What the slow job does: how long it works, and the file it notes its start and end in. */
export type SlowJobPayload = { ms: number; notes: string }

/**
 * A job for the tests of real worker processes: it notes "start <pid>" in a file, works for a
 * while, then notes "done <pid>", so a test can kill or stop its worker in the middle.
 */
export default class SlowJob extends AppJob<SlowJobPayload> {
  static options: JobOptions = { name: 'SlowJob' }

  protected async handle() {
    await appendFile(this.payload.notes, `start ${process.pid}\n`)
    await sleep(this.payload.ms)
    await appendFile(this.payload.notes, `done ${process.pid}\n`)
  }
}
