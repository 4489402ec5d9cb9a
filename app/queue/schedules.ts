import logger from '@adonisjs/core/services/logger'
import { Schedule } from '@boringnode/queue'
import { schedules as declaredSchedules } from '#start/schedule'
import { everyMs, scheduledJobName, type ScheduleDeclaration } from '#queue/schedule_declaration'

/** Whether the stored schedule runs exactly what is declared, and will run again. */
function isCurrent(stored: Schedule, declaration: ScheduleDeclaration): boolean {
  return (
    stored.name === scheduledJobName(declaration) &&
    JSON.stringify(stored.payload) === JSON.stringify(declaration.payload) &&
    stored.cronExpression === (declaration.cron ?? null) &&
    stored.everyMs === everyMs(declaration) &&
    stored.timezone === 'UTC' &&
    stored.limit === null &&
    stored.nextRunAt !== null
  )
}

/** What a sync changed in the queue's storage. */
export type SyncResult = { created: string[]; updated: string[]; removed: string[] }

/**
 * Makes the queue's stored schedules (the queue_schedules table, or Redis) exactly the declared
 * ones: a new or changed declaration is written with the queue library's schedule builder (which
 * checks the cron expression and sets the next run), an unchanged one is left alone (its next run
 * and run count stay: restarting workers neither postpones nor repeats a run), and a stored
 * schedule no longer declared is deleted. A stored schedule left without a next run (a worker
 * that died mid-claim on Redis leaves a cron schedule so) is written again. A schedule paused in
 * storage stays paused until its declaration changes. The declarations are the only source of
 * schedules. Every worker runs it at start; running it twice, or in two workers at once, changes
 * nothing more.
 */
export async function syncSchedules(
  declared: ScheduleDeclaration[] = declaredSchedules
): Promise<SyncResult> {
  const ids = new Set<string>()
  for (const declaration of declared) {
    if (ids.has(declaration.id)) {
      throw new Error(`The schedule id "${declaration.id}" is declared twice`)
    }
    ids.add(declaration.id)
  }

  const result: SyncResult = { created: [], updated: [], removed: [] }
  const stored = await storedSchedules()
  for (const declaration of declared) {
    const current = stored.get(declaration.id)
    if (current && isCurrent(current, declaration)) continue
    const builder = declaration.job.schedule(declaration.payload).id(declaration.id).timezone('UTC')
    const ms = everyMs(declaration)
    await (ms === null ? builder.cron(declaration.cron!) : builder.every(ms)).run()
    result[current ? 'updated' : 'created'].push(declaration.id)
  }
  for (const schedule of stored.values()) {
    if (ids.has(schedule.id)) continue
    await schedule.delete()
    result.removed.push(schedule.id)
  }
  if (result.created.length + result.updated.length + result.removed.length > 0) {
    logger.info(result, 'synced the scheduled tasks')
  }
  return result
}

/** A declared schedule with what its stored copy says (null before the first worker syncs it). */
export type DeclaredSchedule = {
  declaration: ScheduleDeclaration
  stored: Schedule | null
  /** Whether the stored copy is the declared one (false until a worker syncs a change). */
  synced: boolean
}

/**
 * The declared schedules with their stored state, and the ids of stored schedules no longer
 * declared (the next worker to start deletes them).
 */
export async function scheduleOverview(declared: ScheduleDeclaration[] = declaredSchedules) {
  const stored = await storedSchedules()
  const schedules: DeclaredSchedule[] = declared.map((declaration) => {
    const copy = stored.get(declaration.id) ?? null
    return { declaration, stored: copy, synced: copy !== null && isCurrent(copy, declaration) }
  })
  const ids = new Set(declared.map((declaration) => declaration.id))
  const undeclared = [...stored.keys()].filter((id) => !ids.has(id))
  return { schedules, undeclared }
}

/** The schedules in the queue's storage, by id. */
async function storedSchedules(): Promise<Map<string, Schedule>> {
  const list = await Schedule.list()
  return new Map(list.map((schedule) => [schedule.id, schedule]))
}
