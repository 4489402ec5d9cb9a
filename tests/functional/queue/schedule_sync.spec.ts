import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { schedules } from '#start/schedule'
import { SCHEDULES_TABLE } from '#queue/durable_knex_adapter'
import { syncSchedules } from '#queue/schedules'
import { everyMs, scheduled, scheduledJobName } from '#queue/schedule_declaration'
import PruneRateLimitsJob from '#jobs/prune_rate_limits_job'
import { useDatabaseQueue } from '#tests/helpers/queue_driver'

/** The ids of the stored schedules, sorted. */
async function storedIds() {
  const rows = await db.from(SCHEDULES_TABLE).orderBy('id').select('id')
  return rows.map((row) => row.id as string)
}

/** The stored schedules, by id. */
async function storedRows() {
  const rows = await db.from(SCHEDULES_TABLE).orderBy('id')
  return new Map(rows.map((row) => [row.id as string, row]))
}

test.group('Schedules | sync', (group) => {
  group.each.setup(async () => {
    const restore = await useDatabaseQueue()
    await db.from(SCHEDULES_TABLE).delete()
    return async () => {
      await db.from(SCHEDULES_TABLE).delete()
      await restore()
    }
  })

  test('stores every declared schedule under its id, with its job, payload and cadence', async ({
    assert,
  }) => {
    const result = await syncSchedules(schedules)

    const stored = await storedRows()
    assert.deepEqual(result.created.sort(), schedules.map((schedule) => schedule.id).sort())
    assert.deepEqual([...stored.keys()], schedules.map((schedule) => schedule.id).sort())
    for (const declaration of schedules) {
      const row = stored.get(declaration.id)!
      assert.equal(row.name, scheduledJobName(declaration), declaration.id)
      assert.deepEqual(JSON.parse(row.payload), declaration.payload, declaration.id)
      assert.equal(row.cron_expression, declaration.cron ?? null, declaration.id)
      assert.equal(row.every_ms === null ? null : Number(row.every_ms), everyMs(declaration))
      assert.isNotNull(row.next_run_at, declaration.id)
      assert.equal(row.status, 'active')
    }
  })

  test('syncing again duplicates nothing and keeps next runs and run counts', async ({
    assert,
  }) => {
    await syncSchedules(schedules)
    await db.from(SCHEDULES_TABLE).update({ run_count: 3 })
    const before = await storedRows()

    const again = await syncSchedules(schedules)
    const third = await syncSchedules(schedules)

    assert.deepEqual(again, { created: [], updated: [], removed: [] })
    assert.deepEqual(third, { created: [], updated: [], removed: [] })
    assert.deepEqual(await storedRows(), before)
    const [{ total }] = await db.from(SCHEDULES_TABLE).count('* as total')
    assert.equal(Number(total), schedules.length)
  })

  test('deletes the stored schedule of a declaration that was removed', async ({ assert }) => {
    await syncSchedules(schedules)
    const [dropped, ...kept] = schedules

    const result = await syncSchedules(kept)

    assert.deepEqual(result, { created: [], updated: [], removed: [dropped.id] })
    assert.deepEqual(await storedIds(), kept.map((schedule) => schedule.id).sort())
  })

  test('rewrites a changed declaration in place, keeping its run count', async ({ assert }) => {
    const original = scheduled({
      id: 'prune-counters',
      job: PruneRateLimitsJob,
      payload: {},
      every: '10m',
      description: 'Counters',
    })
    await syncSchedules([original])
    await db.from(SCHEDULES_TABLE).update({ run_count: 4 })

    const result = await syncSchedules([{ ...original, every: undefined, cron: '5 4 * * *' }])

    const rows = await storedRows()
    const row = rows.get('prune-counters')!
    assert.deepEqual(result, { created: [], updated: ['prune-counters'], removed: [] })
    assert.deepEqual(
      [row.cron_expression, row.every_ms, Number(row.run_count)],
      ['5 4 * * *', null, 4]
    )
    assert.equal(new Date(row.next_run_at).toISOString().slice(11, 19), '04:05:00')
  })

  test('gives a schedule left without a next run its next run again', async ({ assert }) => {
    await syncSchedules(schedules)
    const [stuck] = schedules
    await db.from(SCHEDULES_TABLE).where('id', stuck.id).update({ next_run_at: null })

    const result = await syncSchedules(schedules)

    const rows = await storedRows()
    assert.deepEqual(result, { created: [], updated: [stuck.id], removed: [] })
    assert.isAbove(new Date(rows.get(stuck.id).next_run_at).getTime(), Date.now())
  })

  test('refuses an id declared twice or a cron expression that does not parse', async ({
    assert,
  }) => {
    const declare = (cron: string) =>
      scheduled({ id: 'twice', job: PruneRateLimitsJob, payload: {}, cron, description: 'Twice' })
    const declaration = declare('0 * * * *')

    await assert.rejects(
      () => syncSchedules([declaration, declaration]),
      'The schedule id "twice" is declared twice'
    )
    await assert.rejects(
      () => syncSchedules([declare('61 * * * *')]),
      /Invalid cron expression "61 \* \* \* \*"/
    )
    assert.deepEqual(await storedIds(), [])
  })
})
