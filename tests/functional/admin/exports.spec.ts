import { test } from '@japa/runner'
import { mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import type User from '#models/user'
import type { AdminExportsProps } from '#admin/types'
import adminExportsConfig from '#config/admin_exports'
import ExportCsvJob from '#jobs/export_csv_job'
import { jobStore } from '#queue/job_stores'
import { adminExports } from '#admin/export_records'
import { writeExport } from '#admin/background_export'
import { exportFilePath, pruneExports } from '#admin/export_files'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { staffWith } from '#tests/helpers/admin'
import { fakeMail, linkPath, sentMessages } from '#tests/helpers/accounts'

/** The lowest row count these tests send to a job (the real limit is in config/admin_exports.ts). */
const LIMIT = 2

/** Whether a file is on disk. */
async function onDisk(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

/** A project whose done tasks (three, one with a formula-like title) outnumber the limit. */
async function doneTasks() {
  const cast = await projectWithCast()
  for (const title of ['Bravo', '=HYPERLINK("x")', 'Alpha']) {
    await Task.create({
      projectId: cast.project.id,
      title,
      status: 'done',
      priority: 2,
      version: 1,
    })
  }
  return cast
}

/** The one export `user` has, after asking for one. */
async function onlyExportOf(user: User) {
  const records = await adminExports.recentOf(user.id)
  if (records.length !== 1) throw new Error(`Expected one export, found ${records.length}`)
  return records[0]
}

test.group('Admin | background CSV exports', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    const saved = { ...adminExportsConfig }
    const directory = await mkdtemp(join(tmpdir(), 'atrium-exports-'))
    Object.assign(adminExportsConfig, { immediateRowLimit: LIMIT, directory })
    const mail = fakeMail()
    return async () => {
      mail.restore()
      Object.assign(adminExportsConfig, saved)
      await rm(directory, { recursive: true, force: true })
      await rollback()
    }
  })

  test('a list at the limit still downloads at once, and queues nothing', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['task.view'])
    await projectWithCast()
    const cast = await projectWithCast()
    assert.equal(
      await Task.query()
        .count('* as total')
        .first()
        .then((r) => r?.$extras.total),
      2
    )

    const response = await client.get('/admin/tasks/export.csv').loginAs(staff)

    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.lengthOf(response.text().trim().split('\r\n'), 3)
    assert.include(response.text(), cast.task.title)
    assert.deepEqual(await adminExports.recentOf(staff.id), [])
  })

  test('a larger list is written by a job: the exact rows, progress, record and mailed link', async ({
    client,
    assert,
    cleanup,
  }) => {
    const mail = fakeMail()
    const store = jobStore()
    const setProgress = store.setProgress
    const reported: number[] = []
    store.setProgress = async (_id, _queue, progress) => {
      reported.push(progress)
    }
    cleanup(() => {
      store.setProgress = setProgress
    })
    const staff = await staffWith(['task.view'])
    await doneTasks()

    const response = await client
      .get('/admin/tasks/export.csv?status=done&sort=title')
      .loginAs(staff)
      .redirects(0)

    response.assertStatus(302)
    assert.equal(response.header('location'), '/admin/tasks?status=done&sort=title')
    response.assertFlashMessage(
      'success',
      'The export of tasks (over 2 rows) is being prepared. You will find it under “Your exports” and receive an email with its link when it is ready.'
    )

    assert.deepEqual(reported, [1, 1])
    const record = await onlyExportOf(staff)
    assert.equal(record.status, 'done')
    assert.equal(record.rows, 3)
    assert.equal(record.rowsDone, 3)
    assert.equal(record.rowsTotal, 3)
    assert.isString(record.jobId)
    assert.deepEqual(record.query, { sort: 'title', status: 'done' })
    assert.match(record.filename, /^tasks-\d{8}-\d{4}\.csv$/)
    const hours = (record.expiresAt!.getTime() - Date.now()) / 3_600_000
    assert.isTrue(hours > 23.9 && hours <= 24, `expires in ${hours} hours`)

    const written = await readFile(exportFilePath(record.id), 'utf8')
    const lines = written.split('\r\n')
    assert.equal(lines[0], 'Title,Project,Status,Priority,Assignee,Due on,Updated at')
    assert.deepEqual(
      lines.slice(1).map((line) => line.replace(/,\d{4}-.*$/, '')),
      [
        '"\'=HYPERLINK(""x"")",Apollo,Done,2,,',
        'Alpha,Apollo,Done,2,,',
        'Bravo,Apollo,Done,2,,',
        '',
      ]
    )
    adminExportsConfig.immediateRowLimit = 1000
    const immediate = await client
      .get('/admin/tasks/export.csv?status=done&sort=title')
      .loginAs(staff)
    assert.equal(written, immediate.text())

    const sent = sentMessages(mail.fake)
    assert.lengthOf(sent, 1)
    assert.equal(sent[0].nodeMailerMessage.subject, 'Your export is ready')
    assert.deepEqual(sent[0].nodeMailerMessage.to, [{ address: staff.email, name: staff.fullName }])
    assert.include(String(sent[0].nodeMailerMessage.text), 'ready: 3 rows.')
    assert.equal(linkPath(sent[0]), `/admin/exports/${record.id}`)

    const download = await client.get(linkPath(sent[0])).loginAs(staff)
    download.assertStatus(200)
    download.assertHeader('content-type', 'text/csv; charset=utf-8')
    download.assertHeader('content-disposition', `attachment; filename="${record.filename}"`)
    download.assertHeader('cache-control', 'no-store')
    assert.equal(download.text(), written)

    const page = await client.get('/admin/exports').withInertia().loginAs(staff)
    page.assertInertiaComponent('admin/exports')
    const props = page.inertiaProps as unknown as AdminExportsProps
    assert.deepEqual(props.exports, [
      {
        id: record.id,
        label: 'Tasks',
        status: 'done',
        progress: 1,
        rows: 3,
        error: null,
        createdAt: record.createdAt.toISOString(),
        expiresAt: record.expiresAt!.toISOString(),
        downloadUrl: `/admin/exports/${record.id}`,
      },
    ])
  })

  test('a second click while the same export is unfinished queues no other', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['task.view'])
    await doneTasks()
    const waiting = await adminExports.create({
      userId: staff.id,
      model: 'tasks',
      query: { status: 'done', sort: '-id' },
      filename: 'tasks.csv',
    })

    const response = await client
      .get('/admin/tasks/export.csv?status=done')
      .loginAs(staff)
      .redirects(0)

    response.assertFlashMessage(
      'success',
      'This export of tasks is already being prepared: you will find it under “Your exports”.'
    )
    const records = await adminExports.recentOf(staff.id)
    assert.deepEqual(
      records.map((record) => [record.id, record.status]),
      [[waiting.id, 'pending']]
    )
  })

  test('nobody but its owner can download an export: another staff member gets 404', async ({
    client,
  }) => {
    const owner = await staffWith(['task.view'])
    const other = await staffWith(['task.view'])
    const superuser = await UserFactory.apply('superuser').create()
    await doneTasks()
    await client.get('/admin/tasks/export.csv').loginAs(owner).redirects(0)
    const record = await onlyExportOf(owner)

    const byOther = await client.get(`/admin/exports/${record.id}`).loginAs(other)
    const bySuperuser = await client.get(`/admin/exports/${record.id}`).loginAs(superuser)
    const unknown = await client
      .get('/admin/exports/00000000-0000-4000-8000-000000000000')
      .loginAs(owner)
    const notAnId = await client.get('/admin/exports/..%2F..%2Fpackage.json').loginAs(owner)

    byOther.assertStatus(404)
    bySuperuser.assertStatus(404)
    unknown.assertStatus(404)
    notAnId.assertStatus(404)
  })

  test('the owner is refused the file once they may no longer view the model', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['task.view'])
    await doneTasks()
    await client.get('/admin/tasks/export.csv').loginAs(staff).redirects(0)
    const record = await onlyExportOf(staff)
    assert.equal(record.status, 'done')

    await db.from('user_permissions').where('user_id', staff.id).delete()
    const response = await client.get(`/admin/exports/${record.id}`).loginAs(staff)
    const page = await client.get('/admin/exports').withInertia().loginAs(staff)

    response.assertStatus(403)
    assert.notInclude(response.text(), 'Alpha')
    const props = page.inertiaProps as unknown as AdminExportsProps
    assert.isNull(props.exports[0].downloadUrl)
  })

  test('an expired export is refused with a message, and pruning deletes its file', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['task.view'])
    await doneTasks()
    await client.get('/admin/tasks/export.csv').loginAs(staff).redirects(0)
    const record = await onlyExportOf(staff)
    const expiredAt = DateTime.utc().minus({ hours: 1 }).startOf('minute')
    await db
      .from('admin_exports')
      .where('id', record.id)
      .update({ expires_at: expiredAt.toJSDate() })

    const refused = await client.get(`/admin/exports/${record.id}`).loginAs(staff).redirects(0)

    refused.assertStatus(302)
    assert.equal(refused.header('location'), '/admin/exports')
    refused.assertFlashMessage(
      'error',
      `This export expired on ${expiredAt.toFormat('yyyy-MM-dd HH:mm')} UTC. Export the list again for a fresh file.`
    )
    assert.isTrue(await onDisk(exportFilePath(record.id)))
    assert.equal(await pruneExports(), 1)
    assert.isFalse(await onDisk(exportFilePath(record.id)))
    const page = await client.get('/admin/exports').withInertia().loginAs(staff)
    const props = page.inertiaProps as unknown as AdminExportsProps
    assert.deepEqual(
      props.exports.map((entry) => [entry.status, entry.downloadUrl]),
      [['expired', null]]
    )
  })

  test('pruning deletes the records of exports expired a week ago, and keeps recent ones', async ({
    assert,
  }) => {
    const staff = await staffWith(['task.view'])
    const [old, recent] = await Promise.all(
      ['old', 'recent'].map((name) =>
        adminExports.create({
          userId: staff.id,
          model: 'tasks',
          query: { name },
          filename: 'x.csv',
        })
      )
    )
    const day = 24 * 3_600_000
    await adminExports.markDone(old.id, 1, new Date(Date.now() - 8 * day))
    await adminExports.markDone(recent.id, 1, new Date(Date.now() - day))
    await writeFile(exportFilePath(old.id), 'Title\r\nOld\r\n')

    await pruneExports()

    assert.isFalse(await onDisk(exportFilePath(old.id)))
    const kept = await adminExports.recentOf(staff.id)
    assert.deepEqual(
      kept.map((record) => record.id),
      [recent.id]
    )
  })

  test('the job refuses a user who lost the permission: failed, no file, no mail', async ({
    assert,
  }) => {
    const mail = fakeMail()
    const staff = await staffWith([])
    await doneTasks()
    const record = await adminExports.create({
      userId: staff.id,
      model: 'tasks',
      query: { status: 'done' },
      filename: 'tasks.csv',
    })

    await ExportCsvJob.dispatch({
      exportId: record.id,
      model: 'tasks',
      query: record.query,
      userId: staff.id,
    })

    const after = (await adminExports.find(record.id))!
    assert.equal(after.status, 'failed')
    assert.equal(after.error, 'You are no longer allowed to view these records.')
    assert.isNull(after.rows)
    assert.isFalse(await onDisk(exportFilePath(record.id)))
    assert.lengthOf(sentMessages(mail.fake), 0)
  })

  test('a failure while writing marks the export failed and removes the partial file', async ({
    assert,
  }) => {
    const staff = await staffWith(['task.view'])
    await doneTasks()
    const record = await adminExports.create({
      userId: staff.id,
      model: 'tasks',
      query: {},
      filename: 'tasks.csv',
    })
    let written = false

    await assert.rejects(
      () =>
        writeExport(
          { exportId: record.id, model: 'tasks', query: {}, userId: staff.id },
          {
            jobId: 'test-job',
            onProgress: async () => {
              written = true
              throw new Error('The disk is full')
            },
          }
        ),
      'The disk is full'
    )

    assert.isTrue(written)
    const after = (await adminExports.find(record.id))!
    assert.equal(after.status, 'failed')
    assert.equal(after.error, 'The disk is full')
    assert.isFalse(await onDisk(exportFilePath(record.id)))
  })
})
