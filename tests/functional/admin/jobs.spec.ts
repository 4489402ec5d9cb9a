import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type { AdminChangeListProps, AdminJobPageProps, AdminJobsProps } from '#admin/types'
import { UserFactory } from '#database/factories/user_factory'
import { GroupFactory } from '#database/factories/group_factory'
import { grantPermissions, syncUserAccess } from '#admin/permissions'
import { ensurePermissionCatalog, permissionCatalog } from '#admin/permission_catalog'
import { staffWith } from '#tests/helpers/admin'
import { recordQueries } from '#tests/helpers/queries'
import { emptyTestQueue, jobIn, stateOf, storedJob } from '#tests/helpers/jobs'

const TOKEN = 'Zx8kQ2mV9pL4tR7wB3nY6cH1'

/** The entries the admin recorded about jobs: [job id, action, changes]. */
async function jobActivities() {
  const rows = await db
    .from('activities')
    .where('subject_type', 'job')
    .orderBy('id')
    .select('subject_id', 'action', 'changes', 'actor_id')
  return rows.map((row) => [row.subject_id, row.action, JSON.parse(row.changes), row.actor_id])
}

function listProps(response: { inertiaProps: unknown }) {
  return response.inertiaProps as unknown as AdminJobsProps
}

test.group('Admin jobs | list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => emptyTestQueue())

  test('counts jobs by state and lists the failed ones first', async ({ client, assert }) => {
    const staff = await staffWith(['job.view'])
    await jobIn('pending')
    await jobIn('pending')
    await jobIn('delayed', { error: 'Timed out' })
    await jobIn('active', { progress: 0.4 })
    const failed = await jobIn('failed', {
      name: 'SendMailJob',
      queue: 'mail',
      attempts: 3,
      error: 'Connection refused\n    at Socket.connect',
    })
    await jobIn('completed')

    const response = await client.get('/admin/jobs').withInertia().loginAs(staff)

    response.assertStatus(200)
    response.assertInertiaComponent('admin/jobs/index')
    const props = listProps(response)
    assert.equal(props.state, 'failed')
    assert.deepEqual(
      props.tabs.map((tab) => [tab.state, tab.label, tab.count, tab.url]),
      [
        ['pending', 'Pending', 2, '/admin/jobs?state=pending'],
        ['delayed', 'Delayed', 1, '/admin/jobs?state=delayed'],
        ['active', 'Active', 1, '/admin/jobs?state=active'],
        ['failed', 'Failed', 1, '/admin/jobs?state=failed'],
        ['completed', 'Completed', 1, '/admin/jobs?state=completed'],
      ]
    )
    assert.lengthOf(props.jobs, 1)
    const [row] = props.jobs
    assert.deepInclude(row, {
      id: failed.id,
      name: 'SendMailJob',
      queue: 'mail',
      state: 'failed',
      attempts: 3,
      progress: null,
      error: 'Connection refused',
      runAt: null,
      url: `/admin/jobs/${failed.id}`,
    })
    assert.isString(row.enqueuedAt)
    assert.isString(row.finishedAt)
    assert.deepEqual(props.actions, [])
    assert.deepEqual(props.pagination, {
      page: 1,
      perPage: 50,
      count: { value: 1, kind: 'exact' },
      hasNext: false,
    })
    assert.deepInclude(props.nav.areas, {
      name: 'Operations',
      models: [{ slug: 'jobs', label: 'Jobs', url: '/admin/jobs', addUrl: null }],
    })
  })

  test('lists each state with its own times and the progress of running jobs', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.view'])
    const delayed = await jobIn('delayed', { error: 'Timed out', attempts: 1 })
    const active = await jobIn('active', { progress: 0.4 })
    const pending = await jobIn('pending')

    const delayedList = await client.get('/admin/jobs?state=delayed').withInertia().loginAs(staff)
    const activeList = await client.get('/admin/jobs?state=active').withInertia().loginAs(staff)
    const pendingList = await client.get('/admin/jobs?state=pending').withInertia().loginAs(staff)

    const [delayedRow] = listProps(delayedList).jobs
    assert.equal(delayedRow.id, delayed.id)
    assert.equal(delayedRow.attempts, 2)
    assert.equal(delayedRow.error, 'Timed out')
    assert.equal(delayedRow.runAt, delayed.runAt!.toISOString())
    assert.isAbove(new Date(delayedRow.runAt!).getTime(), Date.now() + 50 * 60 * 1000)

    const [activeRow] = listProps(activeList).jobs
    assert.equal(activeRow.id, active.id)
    assert.equal(activeRow.progress, 0.4)
    assert.equal(activeRow.claimedAt, active.claimedAt!.toISOString())
    assert.isNull(activeRow.finishedAt)

    assert.deepEqual(
      listProps(pendingList).jobs.map((job) => [job.id, job.state, job.claimedAt]),
      [[pending.id, 'pending', null]]
    )
  })

  test('pages through a state with more jobs than a page holds', async ({ client, assert }) => {
    const staff = await staffWith(['job.view'])
    for (let index = 0; index < 51; index++) await jobIn('pending')

    const first = await client.get('/admin/jobs?state=pending').withInertia().loginAs(staff)
    const second = await client.get('/admin/jobs?state=pending&page=2').withInertia().loginAs(staff)

    assert.lengthOf(listProps(first).jobs, 50)
    assert.isTrue(listProps(first).pagination.hasNext)
    assert.lengthOf(listProps(second).jobs, 1)
    assert.deepEqual(listProps(second).pagination, {
      page: 2,
      perPage: 50,
      count: { value: 51, kind: 'exact' },
      hasNext: false,
    })
    const ids = [...listProps(first).jobs, ...listProps(second).jobs].map((job) => job.id)
    assert.equal(new Set(ids).size, 51)
  })

  test('refuses a state, page or parameter it does not know, back to the list with a message', async ({
    client,
  }) => {
    const staff = await staffWith(['job.view'])
    const cases = [
      [
        'state=exploded',
        '"exploded" is not a state of jobs: choose pending, delayed, active, failed, completed.',
      ],
      ['state=failed&page=0', '"0" is not a page number from 1 to 10000.'],
      ['state=failed&state=pending', 'The parameter "state" must appear once.'],
      ['sort=name', 'Jobs have no filter "sort".'],
    ]
    for (const [query, message] of cases) {
      const response = await client.get(`/admin/jobs?${query}`).redirects(0).loginAs(staff)

      response.assertStatus(302)
      response.assertHeader('location', '/admin/jobs')
      response.assertFlashMessage('error', message)
    }
  })

  test('offers retry and discard to staff who may change jobs, each where it applies', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.change'])
    const offered: Record<string, string[]> = {}
    for (const state of ['pending', 'delayed', 'active', 'failed', 'completed']) {
      const response = await client.get(`/admin/jobs?state=${state}`).withInertia().loginAs(staff)
      response.assertStatus(200)
      offered[state] = listProps(response).actions.map((action) => action.name)
    }

    assert.deepEqual(offered, {
      pending: ['discard'],
      delayed: ['discard'],
      active: [],
      failed: ['retry', 'discard'],
      completed: ['discard'],
    })
  })
})

test.group('Admin jobs | a job', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => emptyTestQueue())

  test('shows the full error and the payload of a mail job without its link token', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.view'])
    const link = `http://localhost:3333/reset-password/${TOKEN}`
    const job = await jobIn('failed', {
      name: 'SendMailJob',
      queue: 'mail',
      attempts: 5,
      payload: {
        mail: 'ResetPasswordNotification',
        args: [{ email: 'ada@example.com', fullName: 'Ada Lovelace' }, link],
      },
      error: `Mailbox unavailable for ${link}\n    at SMTPConnection.send`,
    })

    const response = await client.get(`/admin/jobs/${job.id}`).withInertia().loginAs(staff)

    response.assertStatus(200)
    response.assertInertiaComponent('admin/jobs/show')
    const props = response.inertiaProps as unknown as AdminJobPageProps
    assert.equal(
      props.job.error,
      'Mailbox unavailable for http://localhost:3333/[redacted]\n    at SMTPConnection.send'
    )
    assert.deepEqual(JSON.parse(props.job.payload), {
      mail: 'ResetPasswordNotification',
      args: [
        { email: 'ada@example.com', fullName: 'Ada Lovelace' },
        'http://localhost:3333/[redacted]',
      ],
    })
    assert.deepInclude(props.job, { name: 'SendMailJob', state: 'failed', attempts: 5 })
    assert.equal(props.listUrl, '/admin/jobs?state=failed')
    assert.isNull(props.retryUrl)
    assert.isNull(props.discardUrl)
    assert.notInclude(JSON.stringify(response.body()), TOKEN)
  })

  test("offers a failed job's retry and discard to staff who may change jobs", async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.change'])
    const failed = await jobIn('failed', { error: 'Boom' })
    const active = await jobIn('active')

    const failedPage = await client.get(`/admin/jobs/${failed.id}`).withInertia().loginAs(staff)
    const activePage = await client.get(`/admin/jobs/${active.id}`).withInertia().loginAs(staff)

    const failedProps = failedPage.inertiaProps as unknown as AdminJobPageProps
    const activeProps = activePage.inertiaProps as unknown as AdminJobPageProps
    assert.equal(failedProps.retryUrl, `/admin/jobs/${failed.id}/retry`)
    assert.equal(failedProps.discardUrl, `/admin/jobs/${failed.id}`)
    assert.isNull(activeProps.retryUrl)
    assert.isNull(activeProps.discardUrl)
  })

  test('answers 404 for an id that names no job', async ({ client }) => {
    const staff = await staffWith(['job.view'])

    const response = await client.get('/admin/jobs/no-such-job').loginAs(staff)

    response.assertStatus(404)
  })

  test('an id that is not a UUID matches no route and never reaches the job store', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.view', 'job.change'])

    for (const id of ['no-such-job', 'a%00b', `${'9'.repeat(40)}`]) {
      const { result, sql } = await recordQueries(async () => [
        await client.get(`/admin/jobs/${id}`).loginAs(staff),
        await client.post(`/admin/jobs/${id}/retry`).withCsrfToken().loginAs(staff),
      ])
      for (const response of result) response.assertStatus(404)
      assert.deepEqual(
        sql.filter((statement) => statement.includes('queue_jobs')),
        [],
        id
      )
    }
  })
})

test.group('Admin jobs | actions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => emptyTestQueue())

  test('retries failed jobs in bulk: pending again, attempts and error cleared, recorded', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.change'])
    const first = await jobIn('failed', { attempts: 3, error: 'Boom' })
    const second = await jobIn('failed', { attempts: 1, error: 'Bang' })
    const untouched = await jobIn('failed', { attempts: 2, error: 'Kept' })

    const response = await client
      .post('/admin/jobs/actions')
      .json({ action: 'retry', ids: [first.id, second.id] })
      .header('referer', '/admin/jobs?state=failed')
      .withCsrfToken()
      .redirects(0)
      .loginAs(staff)

    response.assertStatus(302)
    response.assertHeader('location', '/admin/jobs?state=failed')
    response.assertFlashMessage('success', '2 jobs retried.')
    for (const job of [first, second]) {
      const now = await storedJob(job.id)
      assert.deepInclude(now, { state: 'pending', attempts: 0, error: null, finishedAt: null })
    }
    assert.deepInclude(await storedJob(untouched.id), { state: 'failed', error: 'Kept' })
    assert.deepEqual(await jobActivities(), [
      [first.id, 'updated', { state: ['failed', 'pending'], attempts: [3, 0] }, staff.id],
      [second.id, 'updated', { state: ['failed', 'pending'], attempts: [1, 0] }, staff.id],
    ])
  })

  test('the activities list shows what was done to jobs, filtered by their subject type', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.change', 'activity.view'])
    const failed = await jobIn('failed')
    await client
      .post('/admin/jobs/actions')
      .json({ action: 'retry', ids: [failed.id] })
      .withCsrfToken()
      .loginAs(staff)

    const response = await client
      .get('/admin/activities?subjectType=job')
      .withInertia()
      .loginAs(staff)

    response.assertStatus(200)
    const props = response.inertiaProps as unknown as AdminChangeListProps
    const subjectId = props.columns.findIndex((column) => column.name === 'subjectId')
    assert.deepEqual(
      props.rows.map((row) => row.cells[subjectId]),
      [failed.id]
    )
  })

  test('discards jobs of every state but active, in bulk, and records it', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.change'])
    const jobs = [
      await jobIn('pending', { name: 'ImportJob' }),
      await jobIn('delayed'),
      await jobIn('failed'),
      await jobIn('completed'),
    ]

    const response = await client
      .post('/admin/jobs/actions')
      .json({ action: 'discard', ids: jobs.map((job) => job.id) })
      .withCsrfToken()
      .redirects(0)
      .loginAs(staff)

    response.assertStatus(302)
    response.assertFlashMessage('success', '4 jobs discarded.')
    for (const job of jobs) assert.isNull(await storedJob(job.id))
    const entries = await jobActivities()
    assert.deepEqual(
      entries.map(([id, action, , actor]) => [id, action, actor]),
      jobs.map((job) => [job.id, 'deleted', staff.id])
    )
    assert.deepEqual(entries[0][2], {
      name: ['ImportJob', null],
      queue: ['default', null],
      state: ['pending', null],
    })
  })

  test('retries one failed job and discards another from their pages', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.change'])
    const retried = await jobIn('failed', { attempts: 4, error: 'Boom' })
    const discarded = await jobIn('completed')

    const retry = await client
      .post(`/admin/jobs/${retried.id}/retry`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(staff)
    const discard = await client
      .delete(`/admin/jobs/${discarded.id}`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(staff)

    retry.assertStatus(302)
    retry.assertHeader('location', `/admin/jobs/${retried.id}`)
    retry.assertFlashMessage('success', '1 job retried.')
    assert.deepInclude(await storedJob(retried.id), { state: 'pending', attempts: 0 })
    discard.assertStatus(302)
    discard.assertHeader('location', '/admin/jobs?state=completed')
    discard.assertFlashMessage('success', '1 job discarded.')
    assert.isNull(await storedJob(discarded.id))
  })

  test('never discards a running job, alone or in a selection, and changes nothing', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.change'])
    const active = await jobIn('active')
    const pending = await jobIn('pending')

    const bulk = await client
      .post('/admin/jobs/actions')
      .json({ action: 'discard', ids: [pending.id, active.id] })
      .withCsrfToken()
      .redirects(0)
      .loginAs(staff)
    const single = await client
      .delete(`/admin/jobs/${active.id}`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(staff)

    const message = `Only failed, pending, delayed or completed jobs can be discarded: the job "ExportJob" (${active.id}) is active. Nothing was changed.`
    bulk.assertStatus(302)
    bulk.assertFlashMessage('error', message)
    single.assertStatus(302)
    single.assertFlashMessage('error', message)
    assert.equal(await stateOf(active.id), 'active')
    assert.equal(await stateOf(pending.id), 'pending')
    assert.deepEqual(await jobActivities(), [])
  })

  test('refuses an empty selection, an unknown id or action, and a retry of a job that has not failed', async ({
    client,
    assert,
  }) => {
    const staff = await staffWith(['job.change'])
    const failed = await jobIn('failed', { error: 'Boom' })
    const pending = await jobIn('pending')
    const cases: [Record<string, unknown>, string][] = [
      [{ action: 'retry', ids: [] }, 'Select at least one job.'],
      [{ action: 'retry' }, 'Select at least one job.'],
      [
        { action: 'discard', ids: [failed.id, 'no-such-job'] },
        'No job has the id "no-such-job". Nothing was changed.',
      ],
      [{ action: 'explode', ids: [failed.id] }, 'Jobs have no action "explode".'],
      [
        { action: 'retry', ids: [failed.id, pending.id] },
        `Only failed jobs can be retried: the job "ExportJob" (${pending.id}) is pending. Nothing was changed.`,
      ],
    ]
    for (const [body, message] of cases) {
      const response = await client
        .post('/admin/jobs/actions')
        .json(body)
        .header('referer', '/admin/jobs?state=pending&page=2')
        .withCsrfToken()
        .redirects(0)
        .loginAs(staff)

      response.assertStatus(302)
      response.assertHeader('location', '/admin/jobs?state=pending&page=2')
      response.assertFlashMessage('error', message)
    }
    assert.deepInclude(await storedJob(failed.id), { state: 'failed', error: 'Boom' })
    assert.equal(await stateOf(pending.id), 'pending')
    assert.deepEqual(await jobActivities(), [])
  })

  test('refuses a request without the CSRF token', async ({ client, assert }) => {
    const staff = await staffWith(['job.change'])
    const failed = await jobIn('failed')

    const response = await client
      .post('/admin/jobs/actions')
      .json({ action: 'discard', ids: [failed.id] })
      .redirects(0)
      .loginAs(staff)

    response.assertStatus(302)
    assert.isNotNull(await storedJob(failed.id))
  })
})

test.group('Admin jobs | access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => emptyTestQueue())

  test('refuses the retries and discards of staff who may only view jobs, changing nothing', async ({
    client,
    assert,
  }) => {
    const viewer = await staffWith(['job.view'])
    const failed = await jobIn('failed', { attempts: 2, error: 'Boom' })

    const requests = [
      client.post('/admin/jobs/actions').json({ action: 'retry', ids: [failed.id] }),
      client.post('/admin/jobs/actions').json({ action: 'discard', ids: [failed.id] }),
      client.post(`/admin/jobs/${failed.id}/retry`),
      client.delete(`/admin/jobs/${failed.id}`),
    ]
    for (const request of requests) {
      const response = await request.withCsrfToken().redirects(0).loginAs(viewer)

      response.assertStatus(302)
      response.assertFlashMessage('error', 'You are not allowed to do this.')
    }
    assert.deepInclude(await storedJob(failed.id), { state: 'failed', attempts: 2, error: 'Boom' })
    assert.deepEqual(await jobActivities(), [])
  })

  test('opens the jobs to superusers and staff holding a job permission only', async ({
    client,
    assert,
  }) => {
    const failed = await jobIn('failed')
    const visitors = {
      superuser: await UserFactory.apply('superuser').create(),
      viewer: await staffWith(['job.view']),
      changer: await staffWith(['job.change']),
      taskStaff: await staffWith(['task.view', 'task.change']),
      bareStaff: await staffWith([]),
      user: await UserFactory.create(),
    }
    const statuses: Record<string, number[]> = {}
    for (const [name, user] of Object.entries(visitors)) {
      const list = await client.get('/admin/jobs').redirects(0).loginAs(user)
      const page = await client.get(`/admin/jobs/${failed.id}`).redirects(0).loginAs(user)
      statuses[name] = [list.status(), page.status()]
    }
    const guest = await client.get('/admin/jobs').redirects(0)

    assert.deepEqual(statuses, {
      superuser: [200, 200],
      viewer: [200, 200],
      changer: [200, 200],
      taskStaff: [403, 403],
      bareStaff: [403, 403],
      user: [403, 403],
    })
    guest.assertStatus(302)
    assert.match(guest.header('location') ?? '', /\/login/)
  })

  test('refuses the actions of staff without a job permission and of non-staff users', async ({
    client,
    assert,
  }) => {
    const failed = await jobIn('failed')
    for (const user of [await staffWith(['task.change']), await UserFactory.create()]) {
      const response = await client
        .post('/admin/jobs/actions')
        .json({ action: 'discard', ids: [failed.id] })
        .withCsrfToken()
        .redirects(0)
        .loginAs(user)

      response.assertStatus(302)
      response.assertFlashMessage('error', 'You are not allowed to do this.')
    }
    assert.isNotNull(await storedJob(failed.id))
  })

  test('job permissions are in the catalog, offered by the group form, and open the jobs through a group', async ({
    client,
    assert,
  }) => {
    assert.deepInclude(permissionCatalog(), { codename: 'job.view', name: 'Can view job' })
    assert.deepInclude(permissionCatalog(), {
      codename: 'job.change',
      name: 'Can retry and discard job',
    })
    const superuser = await UserFactory.apply('superuser').create()
    const picker = await client
      .get('/admin/groups/lookup/permissions?q=job')
      .header('accept', 'application/json')
      .loginAs(superuser)
    assert.includeMembers(
      (picker.body() as { results: { label: string }[] }).results.map((choice) => choice.label),
      ['Can retry and discard job', 'Can view job']
    )

    const staff = await staffWith([])
    const operators = await GroupFactory.create()
    await ensurePermissionCatalog()
    await grantPermissions(operators, ['job.view'])
    await syncUserAccess(staff, { groupIds: [operators.id] })

    const response = await client.get('/admin/jobs').withInertia().loginAs(staff)

    response.assertStatus(200)
    assert.deepEqual(listProps(response).nav.areas, [
      {
        name: 'Operations',
        models: [{ slug: 'jobs', label: 'Jobs', url: '/admin/jobs', addUrl: null }],
      },
    ])
  })
})
