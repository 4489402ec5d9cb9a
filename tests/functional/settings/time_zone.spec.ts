import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import User from '#models/user'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { TaskFactory } from '#database/factories/project_factory'
import { clearRateLimits, fakeMail } from '#tests/helpers/accounts'
import { projectWithCast } from '#tests/helpers/projects'

const SIGNUP = {
  fullName: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'analytical-engine-1843',
  passwordConfirmation: 'analytical-engine-1843',
}

test.group('Time zone | choosing it', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('a new account starts in the time zone its browser sent', async ({
    client,
    assert,
    cleanup,
  }) => {
    cleanup(fakeMail().restore)

    await client
      .post('/signup')
      .withCsrfToken()
      .form({ ...SIGNUP, timeZone: 'Asia/Tokyo' })
      .redirects(0)

    const user = await User.findByOrFail('email', 'ada@example.com')
    assert.equal(user.timeZone, 'Asia/Tokyo')
  })

  test('without one, or with one the server does not know, it starts on UTC', async ({
    client,
    assert,
    cleanup,
  }) => {
    cleanup(fakeMail().restore)
    await client.post('/signup').withCsrfToken().form(SIGNUP).redirects(0)
    await client
      .post('/signup')
      .withCsrfToken()
      .form({ ...SIGNUP, email: 'other@example.com', timeZone: 'Mars/Olympus_Mons' })
      .redirects(0)

    const zones = await User.query()
      .whereIn('email', [SIGNUP.email, 'other@example.com'])
      .orderBy('email')
      .select('email', 'time_zone')
    assert.deepEqual(
      zones.map((user) => [user.email, user.timeZone]),
      [
        ['ada@example.com', 'UTC'],
        ['other@example.com', 'UTC'],
      ]
    )
  })

  test('the profile changes it, offers every zone, and refuses an unknown one', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ emailVerifiedAt: DateTime.now() }).create()

    const page = await client.get('/settings/profile').withInertia().loginAs(user)
    const zones = page.inertiaProps.timeZones as string[]
    assert.includeMembers(zones, ['UTC', 'Europe/Paris', 'America/Los_Angeles', 'Asia/Tokyo'])

    await client
      .put('/settings/profile')
      .withCsrfToken()
      .loginAs(user)
      .form({ fullName: user.fullName, email: user.email, timeZone: 'Europe/Paris' })
      .redirects(0)
    await user.refresh()
    assert.equal(user.timeZone, 'Europe/Paris')

    const refused = await client
      .put('/settings/profile')
      .withCsrfToken()
      .loginAs(user)
      .accept('json')
      .form({ fullName: 'Renamed', email: user.email, timeZone: 'Europe/Atlantis' })
    refused.assertStatus(422)
    await user.refresh()
    assert.deepEqual([user.fullName, user.timeZone], [user.fullName, 'Europe/Paris'])
    assert.notEqual(user.fullName, 'Renamed')
  })

  test("every page knows the user's time zone", async ({ client }) => {
    const user = await UserFactory.merge({
      emailVerifiedAt: DateTime.now(),
      timeZone: 'America/Sao_Paulo',
    }).create()

    const page = await client.get('/dashboard').withInertia().loginAs(user)

    page.assertInertiaPropsContains({ user: { id: user.id, timeZone: 'America/Sao_Paulo' } })
  })
})

test.group('Time zone | due soon on the dashboard', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('"due within a week" counts from today where the user lives', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    // The server runs on UTC. The user lives where the date differs from UTC's right now: 14
    // hours ahead from 10:00 UTC on, 11 hours behind before, so reckoning "a week from today" in
    // the server's zone would pick the wrong task.
    const zone = DateTime.utc().hour >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago'
    users.editor.timeZone = zone
    await users.editor.save()
    const theirToday = DateTime.now().setZone(zone).startOf('day')
    assert.notEqual(theirToday.toISODate(), DateTime.utc().toISODate())
    await TaskFactory.merge({
      projectId: project.id,
      assigneeId: users.editor.id,
      status: 'todo',
      title: 'Last day of their week',
      dueOn: DateTime.fromISO(theirToday.plus({ days: 7 }).toISODate()!),
    }).create()
    await TaskFactory.merge({
      projectId: project.id,
      assigneeId: users.editor.id,
      status: 'todo',
      title: 'Beyond their week',
      dueOn: DateTime.fromISO(theirToday.plus({ days: 8 }).toISODate()!),
    }).create()

    const page = await client.get('/dashboard').withInertia().loginAs(users.editor)

    const due = page.inertiaProps.dueTasks as { title: string }[]
    assert.deepEqual(
      due.map((task) => task.title),
      ['Last day of their week']
    )
  })
})
