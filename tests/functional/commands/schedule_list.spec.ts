import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import ScheduleList from '#commands/schedule_list'
import { schedules } from '#start/schedule'
import { SCHEDULES_TABLE } from '#queue/durable_knex_adapter'
import { syncSchedules } from '#queue/schedules'
import { cadenceOf, scheduledJobName } from '#queue/schedule_declaration'
import { useDatabaseQueue } from '#tests/helpers/queue_driver'

/** The table rows the command printed (raw mode: cells joined by "|"), by schedule id. */
function printedRows(command: ScheduleList): Map<string, string[]> {
  const ids = new Set(schedules.map((schedule) => schedule.id))
  const rows = command.logger
    .getLogs()
    .map((log) => log.message.split('|'))
    .filter((cells) => ids.has(cells[0]))
  return new Map(rows.map((cells) => [cells[0], cells]))
}

/** "2026-12-04 06:10:00 UTC", as the command prints a stored time. */
function printed(date: Date) {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

test.group('Commands | schedule:list', (group) => {
  group.each.setup(async () => {
    ace.ui.switchMode('raw')
    const restore = await useDatabaseQueue()
    await db.from(SCHEDULES_TABLE).delete()
    return async () => {
      await db.from(SCHEDULES_TABLE).delete()
      await restore()
      ace.ui.switchMode('normal')
    }
  })

  test('lists every declared schedule, before any worker synced them', async ({ assert }) => {
    const command = await ace.create(ScheduleList, [])
    await command.exec()

    command.assertSucceeded()
    const rows = printedRows(command)
    assert.equal(rows.size, schedules.length)
    for (const declaration of schedules) {
      assert.deepEqual(rows.get(declaration.id), [
        declaration.id,
        cadenceOf(declaration),
        scheduledJobName(declaration),
        declaration.description,
        'not synced yet',
        '-',
        '-',
      ])
    }
  })

  test('shows the next and last run and run count stored for each schedule', async ({ assert }) => {
    await syncSchedules(schedules)
    const lastRun = new Date('2026-01-02T03:04:05Z')
    const [ran] = schedules
    await db
      .from(SCHEDULES_TABLE)
      .where('id', ran.id)
      .update({ last_run_at: lastRun, run_count: 2 })
    await db.table(SCHEDULES_TABLE).insert({
      id: 'retired-task',
      name: 'PruneRateLimitsJob',
      payload: '{}',
      every_ms: 60_000,
      next_run_at: new Date(),
    })

    const command = await ace.create(ScheduleList, [])
    await command.exec()

    command.assertSucceeded()
    const rows = printedRows(command)
    const storedRows = await db.from(SCHEDULES_TABLE)
    const stored = new Map(storedRows.map((row) => [row.id, row]))
    assert.equal(rows.size, schedules.length)
    for (const declaration of schedules) {
      const row = stored.get(declaration.id)
      const cells = rows.get(declaration.id)!
      assert.equal(cells[4], printed(new Date(row.next_run_at)), declaration.id)
      assert.equal(cells[5], declaration === ran ? printed(lastRun) : '-', declaration.id)
      assert.equal(cells[6], declaration === ran ? '2' : '0', declaration.id)
    }
    command.assertLogMatches(/"retired-task" is stored but no longer declared/)
  })
})
