import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { DeclaredSchedule } from '#queue/schedules'

/** A stored time as "2026-12-04 06:10:00 UTC". */
function formatTime(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '-'
}

/** The "next run" cell: the stored time, or why there is none yet. */
function nextRun({ stored, synced }: DeclaredSchedule): string {
  if (!stored) return 'not synced yet'
  const next = formatTime(stored.nextRunAt)
  if (!synced) return `${next} (changed: synced at the next worker start)`
  return stored.status === 'paused' ? `${next} (paused)` : next
}

/**
 * Lists the scheduled tasks declared in start/schedule.ts: id, cadence, job and description, with
 * the next and last run the queue's storage holds once a worker has synced them.
 */
export default class ScheduleList extends BaseCommand {
  static commandName = 'schedule:list'
  static description = 'List the scheduled tasks (start/schedule.ts) with their next and last runs'
  static options: CommandOptions = { startApp: true }

  async run() {
    // Imported once the app has started: ace reads command files before it boots the app.
    const { queueDriver } = await import('#config/queue')
    const { cadenceOf, scheduledJobName } = await import('#queue/schedule_declaration')
    const { scheduleOverview } = await import('#queue/schedules')
    const { schedules, undeclared } = await scheduleOverview()
    const table = this.ui.table()
    table.head(['ID', 'Cadence', 'Job', 'Description', 'Next run', 'Last run', 'Runs'])
    for (const schedule of schedules) {
      const { declaration, stored } = schedule
      table.row([
        declaration.id,
        cadenceOf(declaration),
        scheduledJobName(declaration),
        declaration.description,
        nextRun(schedule),
        formatTime(stored?.lastRunAt ?? null),
        stored ? String(stored.runCount) : '-',
      ])
    }
    table.render()

    if (queueDriver === 'sync') {
      this.logger.warning('QUEUE_DRIVER is "sync": no worker runs, so no schedule runs')
    }
    for (const id of undeclared) {
      this.logger.warning(`"${id}" is stored but no longer declared: the next worker deletes it`)
    }
  }
}
